// The one home of "this message describes a physical danger" (issue 15): the chat's stop-driving advice
// (stop-driving.ts) and triage's safety urgency signal (triage/urgency-signals.ts) both ask this module, so a
// wording that makes the assistant say "stop driving" always makes the ticket it opens high, and neither can drift.
//
// Small, explainable patterns on purpose: a wrong "no" here leaves someone driving on failing brakes, so each
// pattern says what wording it catches, and the tests hold both what must fire and what must not (routine
// maintenance questions about the same parts — "brake pads squeal a bit", "how much is a brake service" — and
// denials: "no smoke", "it is no longer overheating"). Patterns stay inside one sentence ([^.?!]), case-insensitive.

/** Dangers that mean "stop driving now" — the chat shows advice for these before anything else. */
export const stopDrivingKinds = ['brakes', 'steering', 'fuel_smell', 'smoke_or_fire', 'overheating', 'warning_light'] as const;
export type StopDrivingKind = (typeof stopDrivingKinds)[number];
/** Dangers to people that are not about driving on: a workshop hazard, a skipped safety check. */
export type OtherHazardKind = 'injury_risk' | 'stranded' | 'skipped_safety_check';
export type SafetyHazardKind = StopDrivingKind | OtherHazardKind;

export function isStopDrivingKind(kind: SafetyHazardKind): kind is StopDrivingKind {
  return (stopDrivingKinds as readonly string[]).includes(kind);
}

export interface RecognisedHazard {
  kind: SafetyHazardKind;
  /** Whether the person should stop driving (the chat's advice applies). */
  stopDriving: boolean;
  /** The words that fired it, lower-cased, for the reasoning a technician reads. */
  quote: string;
}

// Up to this many characters (within one sentence) may sit between the part and what is wrong with it:
// "the brake pedal on my old Golf feels spongy".
const gap = '[^.?!]{0,40}';

const hazardPatterns: Record<SafetyHazardKind, RegExp[]> = {
  brakes: [
    // "brake pedal feels spongy", "the brake pedal is soft", "brake pedal sinks", "brake pedal goes to the floor"
    new RegExp(`\\bbrake pedal\\b${gap}\\b(spongy|soft|squishy|mushy|sinks?|sinking|sank|drops?|(goes|went|going) (all the way )?(down )?to the floor)\\b`, 'i'),
    // "the pedal goes to the floor", "pedal sank right down to the floor" (without the word "brake")
    new RegExp(`\\bpedal\\b${gap}\\b(goes|went|going|sinks?|sank|drops?|dropped)\\b${gap}\\bfloor\\b`, 'i'),
    // "spongy brakes", "soft brakes", "my brakes feel spongy", "the pedal feels spongy and sinks"
    /\b(spongy|squishy|mushy|soft)\s+brakes?\b/i,
    new RegExp(`\\b(pedal|brakes?)\\b${gap}\\b(spongy|squishy|mushy|(like|into) a sponge)\\b`, 'i'),
    // "brakes failed", "my brakes aren't working", "the brakes feel spongy", "brakes have gone", "brakes no longer work"
    new RegExp(`\\bbrakes?\\b${gap}\\b(fail(ed|ing|s|ure)?|gone|gave out|not working|no longer (work|working|stop)|(aren'?t|isn'?t|don'?t|doesn'?t|won'?t|stopped) (working|work)|spongy|squishy|mushy|(feels?|are|is|went|gone|feel) soft)\\b`, 'i'),
    // "I have no brakes", "lost my brakes", "can't stop the car", "the car won't stop", "barely stops"
    // A car that will not stay put: "it creeps backwards even in P", "rolled away in park", "handbrake won't hold"
    new RegExp(`\\b(creeps?|creeping|rolls?|rolling|rolled)\\b${gap}\\b(in|even in) (p|park)\\b|\\b(hand ?brake|parking brake)\\b${gap}\\b(won'?t|will not|doesn'?t|does not) hold\\b`, 'i'),
    /\b(no brakes|lost (the |my |all )?brak(es|ing)|can'?t stop the car|cannot stop the car|(car|it) (won'?t|will not) stop|barely stops|brakes? (barely|hardly) (work|works|stops?)|stamp on the brakes? (to stop )?and (the car|it) keeps going)\b/i,
  ],
  steering: [
    // "the steering locked", "steering went very heavy all of a sudden", "steering has failed", "steering is loose"
    new RegExp(`\\bsteering\\b${gap}\\b(fail(ed|ing|s|ure)?|locked|locks|locking|seized|stuck|gone|not working|stopped working|(suddenly|very|really) (heavy|stiff|loose)|went (heavy|stiff|loose)|is loose|feels loose|no response)\\b`, 'i'),
    // "I can't steer", "lost steering", "the wheel won't turn", "the accelerator is stuck"
    /\b(can'?t steer|cannot steer|unable to steer|lost (the |my |all )?steering|(steering )?wheel (won'?t|will not|doesn'?t) turn|accelerator (is )?(stuck|locked|jammed))\b/i,
    // A wheel that may come off: "a wheel nut rolling around in my boot", "wheel nuts are loose", "the wheel wobbles"
    new RegExp(`\\b(wheel (nut|bolt|stud)s?\\b${gap}\\b(loose|missing|came off|fell off|found|rolling)|(loose|missing) wheel (nut|bolt|stud)s?|wheel\\b${gap}\\b(wobbl(es|ing)|coming off|came off|fell off))\\b`, 'i'),
  ],
  fuel_smell: [
    // "I can smell petrol", "it smells of fuel", "a strong smell of diesel in the cabin"
    new RegExp(`\\b(smell|smells|smelling|smelt|smelled|stink|stinks|reeks?|odou?r|whiff|pong)\\b${gap}\\b(petrol|fuel|gasoline|diesel|gas(?!\\s+pedal))\\b`, 'i'),
    // "petrol smell", "fuel fumes", "fuel leak", "gas leak", "diesel dripping under the car", "petrol stink"
    /\b(petrol|fuel|gasoline|diesel|gas)\s+(smell|smells|stink|stinks|whiff|odou?r|fumes|leak|leaks|leaking|dripping|puddle)\b/i,
  ],
  smoke_or_fire: [
    // "smoke from the bonnet", "the engine is smoking", "flames", "the car caught fire", "a burning smell"
    /\b(smoke|smoking|flames?|on fire|caught fire|fire under|fire in|burning smell|smells? (of |like )?burning)\b/i,
  ],
  overheating: [
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
  warning_light: [
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
  injury_risk: [
    // "someone could get hurt", "an injury", "it is unsafe", "dangerous", "electric shock", "sparks", "exposed wires",
    // "the airbag went off", "the lift dropped"
    /\b(could (get|be) (hurt|injured|killed)|injur(y|ed|ies)|unsafe|not safe|dangerous|electric shock|sparks?|sparking|exposed (wires?|wiring|copper)|airbags?|(lift|hoist|jack) (dropped|fell|collapsed|lowered itself|came down))\b/i,
    // Wording triage treated as a danger before this module existed, kept so the fold lost nothing: a bare "fire",
    // "steam", a gauge "in the red" (the stop-driving patterns above need the part named to advise the driver).
    /\b(fire|steam|in the red)\b/i,
  ],
  stranded: [
    // "I am stranded at the roadside", "broken down on the motorway", "stuck on the hard shoulder"
    /\b(stranded|broken down on the (motorway|highway|road|freeway)|stuck on the (motorway|highway|hard shoulder))\b/i,
  ],
  skipped_safety_check: [
    // "the checklist skips the safety step", "the torque check is missing", "a safety problem"
    /\b(safety (check|step|inspection|problem|issue|item)s?|torque check)\b/i,
  ],
};

// A hazard the customer denies is not one: "there is no smoke", "it is not overheating any more", "the car is no
// longer overheating". Only words just before the match in the same sentence count, so "I have no brakes" (the
// match itself) and "no idea why, but the brakes failed" still fire. A safety check is the exception: "the checklist
// no longer shows the torque check" is the hazard (a check gone missing), not a denial of it.
// At most one word between the denial and the danger ("no visible smoke", "isn't overheating"); "without" and
// "nothing" are not denials here ("without warning the brakes failed", "nothing else, but there is smoke").
const denialBefore = /\b(no|not|never|no longer|(is|was|are|were|does|did|do|has|have)n'?t)\s+(\w+\s+)?$/i;

const globalPatterns: Array<[SafetyHazardKind, RegExp]> = (Object.entries(hazardPatterns) as Array<[SafetyHazardKind, RegExp[]]>)
  .flatMap(([kind, patterns]) => patterns.map((pattern) => [kind, new RegExp(pattern.source, `${pattern.flags}g`)] as [SafetyHazardKind, RegExp]));

function sentenceBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  const sentenceStart = Math.max(before.lastIndexOf('.'), before.lastIndexOf('?'), before.lastIndexOf('!'), before.lastIndexOf('\n'));
  return before.slice(sentenceStart + 1);
}

/** The first danger the text describes and does not deny (in the order of the kinds above), else null. */
export function recogniseHazard(text: string): RecognisedHazard | null {
  for (const [kind, pattern] of globalPatterns) {
    for (const match of text.matchAll(pattern)) {
      if (kind !== 'skipped_safety_check' && denialBefore.test(sentenceBefore(text, match.index))) continue;
      return { kind, stopDriving: isStopDrivingKind(kind), quote: match[0].toLowerCase() };
    }
  }
  return null;
}
