// Questions that mean "stop driving now": a customer describing failing brakes, failing steering, a fuel smell,
// smoke or fire, an overheating engine or a red warning light must read the safety advice before anything else —
// before the knowledge-base answer, however good or poor it is — and be offered an urgent hand-off.
//
// Which wording means that is decided in one place, safety-hazards.ts, which triage's safety signal reads too;
// this module only adds what the chat says about it.
import { isStopDrivingKind, recogniseHazard, type StopDrivingKind } from './safety-hazards.ts';

export type { StopDrivingKind } from './safety-hazards.ts';

export interface StopDrivingAdvice {
  kind: StopDrivingKind;
  /** Shown to the customer first, before the assistant's answer. */
  advice: string;
}

const adviceByKind: Record<StopDrivingKind, string> = {
  brakes: 'Please stop driving as soon as it is safe: a spongy or sinking brake pedal, or brakes that do not work, ' +
    'can mean a fluid leak or air in the brake lines, and the brakes can fail completely. Slow down gently using lower ' +
    'gears and the parking brake, pull over with your hazard lights on, and do not drive on — have the car recovered ' +
    'to a workshop.',
  steering: 'Please stop driving as soon as it is safe: steering that locks, goes suddenly heavy or feels loose can ' +
    'fail completely. Hold the wheel firmly, slow down gently, pull over with your hazard lights on, and do not drive ' +
    'on — have the car recovered to a workshop.',
  fuel_smell: 'Please stop driving as soon as it is safe: a smell of fuel can mean a leak, and fuel vapour catches ' +
    'fire easily. Pull over, switch off the engine, get everyone out and away from the car, and do not smoke or use ' +
    'anything that could spark. If fuel is pooling under the car, call the emergency services.',
  smoke_or_fire: 'Please stop driving as soon as it is safe: pull over, switch off the engine and get everyone out ' +
    'and well away from the car. Do not open the bonnet — air can feed a fire. If you see flames or thick smoke, ' +
    'call the emergency services.',
  overheating: 'Please stop driving as soon as it is safe: an overheating engine can be badly damaged within minutes. ' +
    'Pull over, switch off the engine and let it cool for at least 30 minutes. Do not open the radiator or coolant ' +
    'cap while it is hot — the coolant is under pressure and can scald.',
  warning_light: 'Please stop driving as soon as it is safe: a red warning light — oil pressure, engine temperature ' +
    'or brakes — means a fault that can wreck the engine or affect braking. Pull over, switch off the engine, check ' +
    'the symbol in the handbook, and do not drive on until it has been checked.',
};

/** The safety advice to show before anything else when the message describes a stop-driving situation, else null. */
export function stopDrivingAdvice(message: string): StopDrivingAdvice | null {
  const hazard = recogniseHazard(message);
  return hazard && isStopDrivingKind(hazard.kind) ? { kind: hazard.kind, advice: adviceByKind[hazard.kind] } : null;
}
