// Questions that mean "stop driving now": a customer describing failing brakes, failing steering, a fuel smell,
// smoke or fire, an overheating engine or a red warning light must read the safety advice before anything else —
// before the knowledge-base answer, however good or poor it is — and be offered an urgent hand-off.
//
// Small, explainable patterns on purpose: a wrong "no" here leaves someone driving on failing brakes, so each
// pattern says what wording it catches, and the tests hold both what must fire and what must not (routine
// maintenance questions about the same parts — "brake pads squeal a bit", "how much is a brake service").
// Sentences are matched one at a time ([^.?!] keeps a pattern inside one sentence), case-insensitively.

export type StopDrivingKind = 'brakes' | 'steering' | 'fuel_smell' | 'smoke_or_fire' | 'overheating' | 'warning_light';

export interface StopDrivingAdvice {
  kind: StopDrivingKind;
  /** Shown to the customer first, before the assistant's answer. */
  advice: string;
}

interface StopDrivingSign {
  kind: StopDrivingKind;
  patterns: RegExp[];
}

// Up to this many characters (within one sentence) may sit between the part and what is wrong with it:
// "the brake pedal on my old Golf feels spongy".
const gap = '[^.?!]{0,40}';

const stopDrivingSigns: StopDrivingSign[] = [
  {
    kind: 'brakes',
    patterns: [
      // "brake pedal feels spongy", "the brake pedal is soft", "brake pedal sinks", "brake pedal goes to the floor"
      new RegExp(`\\bbrake pedal\\b${gap}\\b(spongy|soft|squishy|mushy|sinks?|sinking|sank|drops?|(goes|went|going) (all the way )?(down )?to the floor)\\b`, 'i'),
      // "the pedal goes to the floor", "pedal sank right down to the floor" (without the word "brake")
      new RegExp(`\\bpedal\\b${gap}\\b(goes|went|going|sinks?|sank|drops?|dropped)\\b${gap}\\bfloor\\b`, 'i'),
      // "spongy brakes", "soft brakes", "my brakes feel spongy"
      /\b(spongy|squishy|mushy|soft)\s+brakes?\b/i,
      // "brakes failed", "my brakes aren't working", "the brakes feel spongy", "brakes have gone"
      new RegExp(`\\bbrakes?\\b${gap}\\b(fail(ed|ing|s|ure)?|gone|not working|(aren'?t|isn'?t|don'?t|doesn'?t|won'?t|stopped) (working|work)|spongy|squishy|mushy|(feels?|are|is|went|gone|feel) soft)\\b`, 'i'),
      // "I have no brakes", "lost my brakes", "can't stop the car", "the car won't stop"
      /\b(no brakes|lost (the |my |all )?brak(es|ing)|can'?t stop the car|cannot stop the car|(car|it) (won'?t|will not) stop)\b/i,
    ],
  },
  {
    kind: 'steering',
    patterns: [
      // "the steering locked", "steering went very heavy all of a sudden", "steering has failed", "steering is loose"
      new RegExp(`\\bsteering\\b${gap}\\b(fail(ed|ing|s|ure)?|locked|locks|locking|seized|gone|not working|stopped working|(suddenly|very|really) (heavy|stiff|loose)|went (heavy|stiff|loose)|is loose|feels loose|no response)\\b`, 'i'),
      // "I can't steer", "lost steering", "the wheel won't turn"
      /\b(can'?t steer|cannot steer|unable to steer|lost (the |my |all )?steering|(steering )?wheel (won'?t|will not|doesn'?t) turn)\b/i,
    ],
  },
  {
    kind: 'fuel_smell',
    patterns: [
      // "I can smell petrol", "it smells of fuel", "a strong smell of diesel in the cabin"
      new RegExp(`\\b(smell|smells|smelling|smelt|smelled|stink|stinks|reeks?|odou?r)\\b${gap}\\b(petrol|fuel|gasoline|diesel|gas(?!\\s+pedal))\\b`, 'i'),
      // "petrol smell", "fuel fumes", "fuel leak", "diesel dripping under the car"
      /\b(petrol|fuel|gasoline|diesel|gas)\s+(smell|smells|odou?r|fumes|leak|leaks|leaking|dripping|puddle)\b/i,
    ],
  },
  {
    kind: 'smoke_or_fire',
    patterns: [
      // "smoke from the bonnet", "the engine is smoking", "flames", "the car caught fire", "a burning smell"
      /\b(smoke|smoking|flames?|on fire|caught fire|fire under|burning smell|smells? (of |like )?burning)\b/i,
    ],
  },
  {
    kind: 'overheating',
    patterns: [
      // "my car is overheating", "engine overheated", "over-heating"
      /\bover-?heat(s|ed|ing)?\b/i,
      // "steam coming from under the bonnet", "the radiator is steaming"
      new RegExp(`\\b(steam|steaming)\\b${gap}\\b(bonnet|hood|engine|radiator|under)\\b`, 'i'),
      new RegExp(`\\b(bonnet|hood|engine|radiator)\\b${gap}\\b(steam|steams|steaming)\\b`, 'i'),
      // "temperature gauge is in the red", "temp needle shot up to hot"
      new RegExp(`\\b(temperature|temp)\\s+(gauge|needle)\\b${gap}\\b(red|max|maximum|hot|high|rising|climbing|shot up)\\b`, 'i'),
      // "coolant is boiling"
      new RegExp(`\\bcoolant\\b${gap}\\b(boil|boils|boiling|boiled)\\b`, 'i'),
    ],
  },
  {
    kind: 'warning_light',
    patterns: [
      // A red warning light means stop: "a red warning light came on", "red light on the dashboard"
      new RegExp(`\\bred\\s+(warning\\s+)?(light|lamp|symbol)\\b${gap}\\b(dash|dashboard|instrument|came on|comes on|come on|lit up|flashing)\\b`, 'i'),
      /\bred\s+(warning|dashboard|dash)\s+(light|lamp|symbol)\b/i,
      // "the oil light came on", "oil pressure warning light" (not "oil change light", a service reminder)
      /\boil\s+(pressure\s+)?(warning\s+)?(light|lamp|symbol)\b/i,
      // "engine temperature light", "coolant warning light"
      /\b(temperature|temp|coolant)\s+(warning\s+)?(light|lamp|symbol)\b/i,
      // "brake warning light", "the brake light on the dashboard is on" (not the rear brake-light bulb)
      /\bbrake\s+(system\s+)?warning\s+(light|lamp|symbol)\b/i,
      new RegExp(`\\bbrake\\s+(light|lamp|symbol)\\b${gap}\\b(dash|dashboard|instrument)`, 'i'),
    ],
  },
];

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
  const sign = stopDrivingSigns.find((candidate) => candidate.patterns.some((pattern) => pattern.test(message)));
  return sign ? { kind: sign.kind, advice: adviceByKind[sign.kind] } : null;
}
