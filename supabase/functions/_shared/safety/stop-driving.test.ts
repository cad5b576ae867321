import assert from 'node:assert/strict';
import { stopDrivingAdvice, type StopDrivingKind } from './stop-driving.ts';

const mustStop: Array<[string, StopDrivingKind]> = [
  ['my brake pedal feels spongy and goes to the floor', 'brakes'],
  ['The brake pedal is really soft since yesterday', 'brakes'],
  ['when I press it the pedal goes right down to the floor', 'brakes'],
  ['I have no brakes!', 'brakes'],
  ['my brakes failed on the motorway', 'brakes'],
  ["the brakes aren't working properly", 'brakes'],
  ['spongy brakes after the fluid change', 'brakes'],
  ['the steering locked while I was turning', 'steering'],
  ['steering went heavy all of a sudden and I can barely turn', 'steering'],
  ["I can't steer properly, it pulls and feels loose", 'steering'],
  ['I can smell petrol inside the car', 'fuel_smell'],
  ['strong fuel smell after filling up', 'fuel_smell'],
  ['there is diesel dripping under the car', 'fuel_smell'],
  ['smoke is coming out from under the bonnet', 'smoke_or_fire'],
  ['there is a burning smell from the engine', 'smoke_or_fire'],
  ['my car is overheating in traffic', 'overheating'],
  ['steam coming from under the hood', 'overheating'],
  ['the temperature gauge is in the red', 'overheating'],
  ['the oil pressure light came on', 'warning_light'],
  ['a red warning light came on on the dashboard', 'warning_light'],
  ['brake warning light is on', 'warning_light'],
  ['coolant temperature light flashing', 'warning_light'],
];

const routine = [
  'brake pads squeal a bit',
  'how much is a brake service',
  'how often should I change the brake fluid?',
  'my rear brake light bulb is out',
  'the steering wheel is slightly off centre after the tracking',
  'what power steering fluid does my car take?',
  'my fuel economy has got worse',
  'there is a smell when I press the gas pedal', // no fuel named: the pedal, not a leak
  'the oil change light is on, when is my service due?',
  'how do I check the oil level?',
  'the temperature gauge sits in the middle',
  'my car battery keeps dying overnight',
  'the aircon smells musty',
  'I got a fine for running a red light',
  'what does the tyre pressure light mean?',
];

Deno.test('stop-driving situations are recognised in everyday wording, each as its kind', () => {
  for (const [message, kind] of mustStop) {
    assert.equal(stopDrivingAdvice(message)?.kind, kind, message);
  }
});

Deno.test('routine questions about the same parts get no safety advice', () => {
  for (const message of routine) {
    assert.equal(stopDrivingAdvice(message), null, message);
  }
});

Deno.test('the advice says to stop driving and fits the kind', () => {
  const brakes = stopDrivingAdvice('my brake pedal feels spongy and goes to the floor')!;
  assert.match(brakes.advice, /^Please stop driving as soon as it is safe: /);
  assert.match(brakes.advice, /brake/);
  const overheating = stopDrivingAdvice('my car is overheating')!;
  assert.match(overheating.advice, /coolant/);
  assert.notEqual(brakes.advice, overheating.advice);
});
