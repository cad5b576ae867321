import assert from 'node:assert/strict';
import { recogniseHazard } from './safety-hazards.ts';
import { stopDrivingAdvice } from './stop-driving.ts';
import { detectUrgencySignals } from '../triage/urgency-signals.ts';

Deno.test('dangers that are not about driving on are hazards without stop-driving advice', () => {
  for (const [text, kind] of [
    ['Someone could get hurt on that lift', 'injury_risk'],
    ['The charger casing is cracked and there are exposed wires', 'injury_risk'],
    ['The hoist dropped with a car on it', 'injury_risk'],
    ['The checklist no longer shows the torque check', 'skipped_safety_check'],
  ] as const) {
    const hazard = recogniseHazard(text);
    assert.equal(hazard?.kind, kind, text);
    assert.equal(hazard?.stopDriving, false, text);
    assert.equal(stopDrivingAdvice(text), null, text);
  }
});

Deno.test('a danger the customer denies is not one; the match itself may hold the "no"', () => {
  for (const text of ['There is no smoke at all', 'It is no longer overheating since the new thermostat', 'The car is not dangerous, just noisy', 'The engine never overheated once']) {
    assert.equal(recogniseHazard(text), null, text);
  }
  assert.equal(recogniseHazard('I have no brakes!')?.kind, 'brakes');
  assert.equal(recogniseHazard('No idea why. The brakes failed on the hill')?.kind, 'brakes');
  assert.equal(recogniseHazard('There is no smoke. But now the engine is overheating')?.kind, 'overheating');
});

Deno.test('one rule for both: whatever makes the chat say "stop driving" makes triage see a severe safety signal, with the same words', () => {
  for (const text of ['my brake pedal feels spongy', 'steering locked on the motorway', 'I can smell petrol in the cabin', 'flames under the bonnet', 'the temperature gauge is in the red', 'the oil pressure light came on', 'the brakes felt like pressing into a sponge']) {
    assert.ok(stopDrivingAdvice(text), text);
    const safety = detectUrgencySignals(text).find((signal) => signal.name === 'safety');
    assert.equal(safety?.severe, true, text);
    assert.equal(safety?.quote, recogniseHazard(text)?.quote, text);
  }
  for (const text of ['brake pads squeal a bit', 'how much is a brake service']) {
    assert.equal(stopDrivingAdvice(text), null, text);
    assert.equal(detectUrgencySignals(text).some((signal) => signal.name === 'safety'), false, text);
  }
});
