-- Content that makes Support Hub feel alive on first start, and that the quality tests measure against:
-- solution areas, knowledge-base articles, guided-troubleshooting guides with their steps, and a vehicle catalogue.
-- Written for this project (original text, same license as the repository).
--
-- Safe to run again: rows are keyed by slug (upserted), guide steps are only inserted for a guide that has none,
-- and the vehicle catalogue is only filled when it is empty.
-- tests/content.test.ts and the retrieval / guide-matching fixtures read the slugs in this file, so renaming a slug
-- means updating tests/fixtures/*.json as well.

-- ---------------------------------------------------------------------------------------------------------------
-- Solution areas
-- ---------------------------------------------------------------------------------------------------------------
insert into public.solution_areas (slug, name, description, assistant_instructions) values
(
  'manufacturing',
  'Manufacturing',
  'Questions about how vehicles and parts are built: recalls, factory defects, part specifications and fitment, OEM versus aftermarket parts.',
  $ins$You are the manufacturing specialist of an automotive service and parts company. Answer questions about recalls, factory defects, technical service bulletins, part numbers, fitment and part specifications.
Tone: precise, calm and factual. Use the exact part or recall wording from the knowledge base; never guess a part number, torque value or recall code that is not in the retrieved articles.
Scope: recalls, part fitment by VIN, OEM versus aftermarket parts, build quality questions. Billing and app questions belong to the support area; repairs and diagnostics to maintenance — say so and answer only what the articles cover.
Hand off to a human technician (offer to open a ticket) when: the customer reports a suspected safety defect (brakes, steering, airbags, fuel leak, fire or smoke), asks for a decision about goodwill or warranty exceptions, the VIN does not decode, or your confidence is low.$ins$
),
(
  'maintenance',
  'Maintenance',
  'Diagnosing and fixing vehicle problems: no-starts, warning lights, noises, overheating, air conditioning, tyres and routine service.',
  $ins$You are the maintenance assistant of an automotive service company, talking to drivers who are often stressed and sometimes stranded.
Tone: reassuring, plain language, short numbered steps. Explain why a step matters in one sentence. Ask for the vehicle (year, make, model) when the answer depends on it.
Scope: troubleshooting symptoms, warning lights and trouble codes, routine service intervals, and booking a workshop visit. Only recommend checks a driver can do safely without tools beyond a torch, tyre gauge or multimeter.
Safety first: if the customer describes brake failure, a flashing check-engine light, steam or smoke, a fuel smell, or overheating while driving, tell them to stop driving and arrange a tow or a workshop visit before any other advice.
Hand off to a human technician (offer to open a ticket) when the guide steps did not help, the fault needs a diagnostic scan or a lift, the customer asks for a person, or your confidence is low.$ins$
),
(
  'support',
  'Customer support',
  'Billing, subscriptions, invoices, refunds, accounts, the mobile app and web portal, warranty claims and parts orders.',
  $ins$You are the customer support assistant for the company's app, accounts and billing.
Tone: friendly, concise, apologetic when we got something wrong, never defensive. Give the exact menu path in the app (for example Account > Billing > Invoices).
Scope: payments, refunds, invoices, subscription plans, account access, two-factor authentication, notifications, appointment booking, parts order tracking and warranty claims.
Never ask for a full card number, CVC, password or one-time code, and never promise a refund amount or date that the articles do not state.
Hand off to a human agent (offer to open a ticket) when: the customer was charged twice or charged after cancelling, a refund is past the stated timeline, the account may be compromised, a warranty claim needs a decision, the customer asks for a person, or your confidence is low.$ins$
)
on conflict (slug) do update set
  name = excluded.name,
  description = excluded.description,
  assistant_instructions = excluded.assistant_instructions;

-- ---------------------------------------------------------------------------------------------------------------
-- Knowledge-base articles
-- ---------------------------------------------------------------------------------------------------------------
insert into public.kb_articles (slug, title, content, category, solution_area, vehicle_context, tags, is_published) values
(
  'car-wont-start-after-rain',
  'Car cranks but will not start after heavy rain or a car wash',
  $md$When an engine turns over normally but refuses to fire after a downpour, a pressure wash or a night parked in fog, the cause is almost always moisture in the ignition system or a sensor connector. It usually clears on its own once things dry, but a few checks can get you going sooner and tell you when it is something more serious.

## Why rain stops an engine

Water conducts electricity. A thin film of moisture on a cracked spark plug boot, an ignition coil pack or an older distributor cap lets the spark leak to ground instead of jumping the plug gap. On some models water also collects in the air intake snorkel or in a low-mounted crankshaft position sensor connector.

## What to try

1. Turn everything off and open the bonnet to let the engine bay air out for 20–30 minutes. Do not keep cranking: long cranking floods the engine with fuel and drains the battery.
2. Look for standing water around the coil packs or the spark plug wells, usually on top of the engine under a plastic cover. Dab it dry with a clean cloth.
3. If you have a hair dryer and an outlet nearby, warm the coil packs and connectors for a few minutes. Never use an open flame.
4. Check the air filter box for water. A soaked filter element must be replaced before you try again.
5. Try starting with the accelerator pressed halfway, cranking for no more than 10 seconds at a time with a one-minute pause in between.

## When to stop and call us

- You drove through water deeper than the bottom of the doors: do **not** crank again. Water in the cylinders can bend connecting rods (hydrolock). Arrange a tow.
- The engine starts but runs rough and the check-engine light flashes: that is an active misfire, see our article on code P0300.
- It happens every time it rains: a cracked plug boot, coil pack or intake seal needs replacing. Book a diagnostic visit from the app and mention the weather pattern.$md$,
  'automotive', 'maintenance', null, array['no-start', 'rain', 'moisture', 'ignition', 'coil pack', 'spark plugs'], true
),
(
  'battery-drains-overnight',
  'Battery keeps going flat overnight: finding a parasitic drain',
  $md$A healthy car battery should sit for two to three weeks and still start the engine. If yours is flat after one or two nights, either the battery can no longer hold a charge or something is drawing current while the car is off (a parasitic drain).

## Quick checks first

1. Walk round the car at night after locking it. Look for a glove-box, boot or vanity-mirror light that stays on, and listen for a fan or relay clicking.
2. Unplug every accessory from the 12 V sockets and USB ports: dash cams, GPS trackers and phone chargers are the most common culprits.
3. Check the battery age printed on the label. Most batteries last four to six years; in hot climates three is common.
4. Look at the terminals. White or green crust increases resistance and stops the alternator charging the battery fully. Clean them with a baking soda solution and a wire brush, negative terminal off first.

## Testing the battery and charging system

1. With the engine off for at least an hour, a multimeter across the terminals should read 12.4–12.7 V. Below 12.2 V the battery is discharged.
2. Start the engine. The reading should rise to 13.8–14.7 V. If it stays below 13.5 V, the alternator or its belt is the likely problem, not the battery.
3. Most of our workshops can load-test the battery for free in about ten minutes.

## Measuring the drain

A technician measures current draw with the car locked and the modules asleep (this can take 20–45 minutes on modern cars). Anything above roughly 50 milliamps points to a fault, found by pulling fuses one at a time. If your battery has died more than twice in a month, book a **battery and charging check** in the app rather than jump-starting again: repeated deep discharges shorten battery life quickly.$md$,
  'automotive', 'maintenance', null, array['battery', 'parasitic drain', 'dead battery', 'alternator', 'electrical'], true
),
(
  'check-engine-code-p0300-random-misfire',
  'Check-engine code P0300: random or multiple cylinder misfire',
  $md$Code P0300 means the engine computer has counted misfires on more than one cylinder, or cannot tell which cylinder is misfiring. You may feel shaking at idle, hesitation when accelerating, or a loss of power. A **flashing** check-engine light means misfires are severe enough to overheat the catalytic converter.

## Is it safe to drive?

- Light flashing: reduce speed, avoid hard acceleration and get the car to a workshop as soon as possible. Unburnt fuel can destroy the catalytic converter within a few miles.
- Light steady and the car drives normally: you can drive gently to an appointment, but do not ignore it for weeks.

## Common causes, most likely first

1. Worn spark plugs or a failing ignition coil. Plugs are due every 60,000–100,000 miles on most modern engines.
2. A vacuum leak from a split intake hose or a failed intake gasket, which makes every cylinder run lean. Codes P0171 or P0174 often appear with it.
3. Low fuel pressure from a weak pump or a clogged filter.
4. Dirty or sticking fuel injectors.
5. Moisture in the ignition after rain or washing (see our rain article).
6. Less often: low compression from a burnt valve or a jumped timing chain.

## What you can do

1. Note when it happens: cold start, at idle, under load, in wet weather. This saves diagnostic time.
2. Check that the fuel cap is tight and that you used a reputable fuel station; a tank of bad fuel can cause random misfires.
3. If you own a code reader, look for cylinder-specific codes (P0301–P0308) stored alongside P0300 and tell us which ones appear.
4. Book a **diagnostic scan** in the app. The technician will check misfire counters per cylinder, swap coils between cylinders to see if the misfire follows, and inspect plugs.

Please do not simply clear the code and carry on: it will return, and the cost of a new catalytic converter is far higher than plugs or a coil.$md$,
  'automotive', 'maintenance', null, array['check engine light', 'P0300', 'misfire', 'OBD-II', 'spark plugs', 'ignition coil'], true
),
(
  'check-engine-code-p0420-catalyst-efficiency',
  'Check-engine code P0420: catalyst system efficiency below threshold',
  $md$P0420 is stored when the engine computer compares the oxygen sensor before the catalytic converter with the one after it and decides the converter is no longer cleaning the exhaust well enough. The car usually drives normally, which is why many drivers ignore it — but it will fail an emissions test.

## What it does and does not mean

P0420 does **not** always mean the catalytic converter is dead. The computer only sees the sensor readings, so anything that upsets them can trigger the code:

- a failing downstream (rear) oxygen sensor,
- an exhaust leak ahead of the rear sensor, often a cracked manifold or a loose flange,
- an engine problem that sends unburnt fuel into the converter, such as misfires or a leaking injector,
- a genuinely worn converter, common after 120,000 miles or after misfires were ignored.

## Steps before replacing anything

1. Fix any other engine codes first, especially misfires (P0300–P0308) and fuel trim codes (P0171, P0172). A converter replaced while the engine still misfires will fail again.
2. Listen for a ticking or puffing sound from under the car at cold start: that is an exhaust leak.
3. Ask us to look at the live oxygen sensor data. A healthy converter gives a steady rear sensor signal; a switching rear signal that mirrors the front one confirms low efficiency.
4. If the converter is confirmed, choose a part approved for your vehicle and region. Cheap universal converters often bring P0420 back within months.

## Warranty note

In many regions catalytic converters carry a longer emissions warranty (often 8 years or 80,000 miles). Check the warranty article or ask us with your VIN before paying for a replacement.$md$,
  'automotive', 'maintenance', null, array['check engine light', 'P0420', 'catalytic converter', 'oxygen sensor', 'emissions', 'OBD-II'], true
),
(
  'brakes-squeal-when-stopping',
  'Brakes squeal, squeak or grind when stopping',
  $md$Brake noise is one of the most common reasons customers contact us. Some noises are harmless, one is a built-in warning, and one means stop driving.

## Identify the noise

- **Light squeak for the first few stops of the morning, then gone:** surface rust on the discs from overnight damp. Normal, especially after rain.
- **High-pitched squeal while braking that does not go away:** most pads have a small metal wear indicator tab that scrapes the disc when the pad is nearly worn out. Book a brake inspection within the next week or two.
- **Squeal when *not* braking that stops when you press the pedal:** often the same wear indicator, or a stone trapped behind the dust shield.
- **Metal-on-metal grinding or a growl:** the pad friction material is gone and the steel backing plate is cutting into the disc. Stopping distances are longer. Drive only to the workshop, gently, or arrange a tow.
- **Pulsing pedal or steering wheel shake when braking from speed:** warped or unevenly worn discs.

## What you can check yourself

1. Look through the wheel spokes at the brake pad. If less than 3 mm of pad material is visible, the pads are due.
2. Check the brake fluid reservoir under the bonnet. A level falling towards MIN is consistent with worn pads; a sudden drop means a leak, which is urgent.
3. Note whether the noise is front or rear, left or right, and whether it changes when turning.

## At the workshop

We measure pad thickness and disc thickness against the minimum stamped on the disc, check that the calipers slide freely and lubricate the contact points. New pads need about 200 miles of gentle bedding-in; a little noise during that period is expected. If noise continues after that, bring the car back and the re-check is free.$md$,
  'automotive', 'maintenance', null, array['brakes', 'squeal', 'grinding', 'brake pads', 'rotors', 'safety'], true
),
(
  'engine-overheating-temperature-gauge',
  'Engine overheating or temperature gauge in the red',
  $md$An overheating engine can be damaged in minutes. If the gauge climbs into the red, a coolant warning light appears or you see steam from under the bonnet, act straight away.

## Immediately

1. Switch the air conditioning off and turn the heater to full hot with the fan on maximum. This moves heat away from the engine.
2. Pull over safely and switch the engine off as soon as you can.
3. **Do not open the radiator or coolant cap while the engine is hot.** The coolant is under pressure and can cause serious burns. Wait at least 30 minutes.

## Once it has cooled

1. Look at the coolant expansion tank. The level should be between MIN and MAX.
2. Look for puddles under the car: green, orange or pink liquid with a sweet smell is coolant.
3. Check that the radiator fan spins when the engine is warm and the air conditioning is switched on. A fan that never runs points to a fan motor, relay or fuse.
4. If the level is low and there is no obvious leak, top up with the coolant type in your owner's manual, or water only as a short-term emergency measure.

## Common causes

- a coolant leak from a hose, the radiator or the water pump,
- a thermostat stuck closed (the gauge rises quickly even on short trips),
- a failed radiator fan (overheats in traffic, fine on the motorway),
- a blown head gasket: white exhaust smoke with a sweet smell, bubbles in the expansion tank, or coolant disappearing without a visible leak.

## Get help

If the engine overheated badly, or if you lose coolant again after topping up, do not keep driving. Request a tow through the app or book a cooling system pressure test. Mention any warning messages and how far you drove after the gauge rose.$md$,
  'automotive', 'maintenance', null, array['overheating', 'coolant', 'radiator', 'thermostat', 'head gasket', 'safety'], true
),
(
  'ac-blowing-warm-air',
  'Air conditioning blows warm or only slightly cool air',
  $md$If the air coming from the vents is no colder than the outside air, the air conditioning system is either low on refrigerant, not engaging the compressor, or moving the cold air to the wrong place.

## Simple checks

1. Start the engine, press the A/C button (its light should come on) and set the temperature to the coldest setting with recirculation on.
2. With the bonnet open, look at the front of the compressor, driven by the engine belt. The centre of its pulley should start spinning a few seconds after you press A/C. If it never engages, the cause is electrical or the system is too low on refrigerant to allow it.
3. Listen for the radiator fan. It should run whenever the A/C is on; without airflow over the condenser the air turns warm, especially in traffic.
4. Look at the condenser in front of the radiator for leaves, insects or bent fins and rinse it gently with a hose.
5. Check the cabin air filter (usually behind the glove box). A clogged filter cuts airflow to a trickle and can smell musty.

## Warm on one side only

On cars with dual-zone climate control, one side cold and the other warm usually points to a blend door actuator, or to low refrigerant on some models. You may hear clicking behind the dashboard.

## Why we do not recommend DIY recharge cans

Refrigerant does not get used up: if it is low, there is a leak. Recharge cans without leak detection often overfill the system and some contain sealants that can damage workshop equipment. Newer vehicles use R-1234yf refrigerant, which requires certified handling.

## Book an A/C service

An A/C service in the app includes a leak test with UV dye, evacuation and recharge to the exact weight your vehicle specifies, and a vent temperature check. On most cars a working system gives 4–8 °C at the centre vent.$md$,
  'automotive', 'maintenance', null, array['air conditioning', 'A/C', 'refrigerant', 'compressor', 'climate control'], true
),
(
  'tpms-warning-light',
  'Tyre pressure (TPMS) warning light is on or flashing',
  $md$The tyre pressure monitoring system (TPMS) light is the yellow horseshoe shape with an exclamation mark. A **steady** light means one or more tyres are low. A light that **flashes for about a minute and then stays on** means the system itself has a fault, often a sensor with a flat battery.

## Steady light: check your tyres

1. Find the correct pressures on the sticker inside the driver's door jamb or in the fuel filler flap. Do not use the maximum pressure printed on the tyre wall.
2. Check all four tyres with a gauge when they are cold (driven less than 2 miles). Cold weather alone lowers pressure by about 1 psi for every 5–6 °C drop, which is why the light often appears on the first frosty morning.
3. Inflate to the door-sticker pressure and drive for 10–15 minutes; most systems turn the light off by themselves.
4. Some cars need a reset: look for a TPMS button under the dashboard or a menu in the vehicle settings, and follow the owner's manual.
5. If one tyre keeps losing pressure, look for a nail or screw in the tread and book a puncture repair.

## Flashing light: system fault

- The sensors inside each wheel have sealed batteries that last seven to ten years. When one dies, the light flashes at every start.
- A new set of wheels or winter tyres without sensors, or sensors that were never registered to the car, also causes this.
- A workshop reads the sensor IDs with a TPMS tool, replaces the faulty sensor and programs it to the car.

## Safety

Driving on an under-inflated tyre ruins the tyre, increases fuel consumption and can lead to a blow-out. If a tyre is visibly flat, fit the spare or call roadside assistance rather than driving on it.$md$,
  'automotive', 'maintenance', null, array['TPMS', 'tyre pressure', 'tire pressure', 'warning light', 'sensors'], true
),
(
  'rough-idle-shaking-at-stop',
  'Engine idles roughly or shakes at traffic lights',
  $md$A smooth engine idles at a steady speed, usually between 600 and 900 rpm once warm. If the rev counter needle hunts up and down, the car shakes while stopped, or it nearly stalls when you switch on the air conditioning, there is a fault worth finding before it gets worse.

## Check these first

1. Is the check-engine light on? If so, the stored code is the quickest path to the cause. A free code read is available at any of our workshops.
2. Does it happen only when cold? A cold-only rough idle often comes from a dirty throttle body or a coolant temperature sensor giving the wrong reading.
3. Does it shake more in Drive than in Park or Neutral? Worn engine mounts let normal engine vibration into the cabin; you may also hear a clunk when pulling away.
4. Did it start after a fill-up? Bad or water-contaminated fuel can cause rough running.

## Usual causes

- worn spark plugs or a weak ignition coil,
- a vacuum leak: a hissing sound from the engine bay, often a cracked PCV hose or intake hose,
- a dirty throttle body or idle air control valve carbon build-up, common on engines over 60,000 miles,
- a dirty mass airflow sensor,
- clogged fuel injectors,
- worn engine or transmission mounts.

## What to do

1. Listen for hissing with the engine running and the bonnet open; do not touch moving parts.
2. Check that the air filter box clips are fastened and the big intake hose is seated.
3. Book a **rough running diagnosis** in the app. Mention whether the shaking is at idle only, when the A/C is on, or also while driving. If the check-engine light starts flashing, follow the advice in the P0300 misfire article and reduce your driving.$md$,
  'automotive', 'maintenance', null, array['rough idle', 'shaking', 'vibration', 'vacuum leak', 'throttle body', 'engine mounts'], true
),
(
  'transmission-slipping-delayed-shift',
  'Automatic transmission slipping, flaring or shifting late',
  $md$A slipping automatic transmission feels like the engine revs rise but the car does not speed up to match, as if briefly in neutral. Related symptoms are a delay when selecting Drive or Reverse, harsh or late upshifts, and a burning smell after a long climb.

## Safety first

If the car suddenly loses drive, or will not move in any gear, pull over and arrange a tow. Continuing to drive on a slipping transmission turns a fluid or solenoid repair into a full rebuild.

## Checks you can do

1. Check the transmission fluid if your car has a dipstick (many newer cars are sealed and must be checked on a lift). With the engine warm and running in Park on level ground, the level should be in the HOT range. Healthy fluid is red or pink and does not smell burnt.
2. Look under the car for red drips near the middle of the vehicle.
3. Note exactly when it happens: when cold, only after the car is hot, between specific gears, or only when accelerating hard. A scan tool shows which gear, so this detail shortens the diagnosis.
4. Check whether a transmission warning light or a check-engine light is on. Codes in the P0700–P0799 range belong to the transmission.

## Common causes

- low fluid from a leaking pan gasket, cooler line or seal,
- old, degraded fluid (many manufacturers quote 60,000 miles under severe use),
- a faulty shift solenoid or valve body,
- worn clutch packs inside the transmission on high-mileage vehicles,
- software that needs an update or an adaptive relearn, especially after a battery change.

## What we will do

Book a **transmission diagnosis** in the app. The technician reads the transmission codes and live data, checks fluid level and condition, and road-tests the car. Please do not add a universal "stop slip" additive first; it can mask the cause and some void the transmission warranty.$md$,
  'automotive', 'maintenance', null, array['transmission', 'slipping', 'gearbox', 'shifting', 'ATF'], true
),
(
  'headlight-condensation-fogging',
  'Condensation or water inside a headlight',
  $md$Headlight units are not completely sealed: they have small vents that let air in and out as the lamp heats and cools. A light mist on the inside of the lens on a cold or wet morning that clears within about 30 minutes of driving with the lights on is normal and does not need repair.

## When it is a problem

- Water droplets or a puddle that stay inside the lamp for days.
- Mist on only one side that gets worse over time.
- Corrosion on the bulb contacts, flickering lights or a bulb failure warning.
- Condensation that appeared after a minor collision, a bulb change or a pressure wash close to the lamp.

## Steps to dry and check the lamp

1. Park with the headlights on for 20–30 minutes on a dry day. The heat evaporates the moisture and the vents let it out.
2. Open the bonnet and check that the rubber bulb access caps on the back of the lamp are present and fully seated. A cap left loose after a bulb change is the most common cause.
3. Inspect the lens edge and the housing for cracks, especially low on the lamp where stones hit.
4. Make sure the small vent tubes on the housing are not blocked or pinched.
5. For stubborn moisture, a technician removes the lamp, dries it with warm air and replaces the seals or vent caps.

## Warranty

Headlight units that take on water within the new-vehicle warranty period are usually covered when there is no damage. LED and adaptive headlights are expensive units, so report persistent water early with photos through the app. Water left inside ruins reflectors and electronics over time, which may not be covered once corrosion is advanced.$md$,
  'automotive', 'maintenance', null, array['headlights', 'condensation', 'moisture', 'lighting', 'seals'], true
),
(
  'key-fob-not-detected',
  'Key not detected or key fob not working',
  $md$On push-button start cars, the message "Key not detected" (or a flashing key symbol) means the car cannot hear the low-power radio signal from your key. On older cars, a remote that no longer locks or unlocks is the same problem. Nine times out of ten the key battery is the cause.

## Get going now

1. Hold the key fob directly against the start button, or against the marked spot on the steering column or in the cup holder (see your owner's manual), and press the start button with your foot on the brake. The car reads the key's chip even when its battery is flat.
2. If your fob has a hidden mechanical key, use it to open the driver's door.
3. Try your spare key. If the spare works, the problem is the first key, not the car.
4. Move phones, chargers and dash cams away from the key and the start button; strong radio interference, for example near transmitter masts or in some car parks, can block the signal.

## Replace the battery

1. Most fobs use a CR2032 or CR2025 coin cell; the type is printed on the old battery.
2. Slide out the mechanical key and use it to prise the two halves apart at the notch.
3. Fit the new battery with the + side in the same direction as the old one.
4. Snap the case closed and test lock, unlock and start.

## If it still does not work

A key that was dropped, got wet or went through a washing machine may need a new circuit board. A replacement key must be programmed to your vehicle by a workshop with proof of ownership. Book **key programming** in the app and bring every key you have, because some cars erase unregistered keys when a new one is added.$md$,
  'automotive', 'maintenance', null, array['key fob', 'keyless', 'push button start', 'battery', 'remote'], true
),
(
  'car-pulls-to-one-side',
  'Car pulls to one side or steering wheel is off centre',
  $md$If you have to hold the steering wheel to stop the car drifting left or right on a straight road, or the wheel is crooked when driving straight, the cause is usually tyres or wheel alignment.

## Check the tyres first

1. Check and correct all tyre pressures when cold. A single under-inflated front tyre is the most common cause of a pull.
2. Look for uneven wear: a tyre worn on the inner or outer edge points to alignment; bald patches point to balance or suspension.
3. If the pull started right after new tyres were fitted, ask the workshop to swap the two front tyres side to side. A tyre with a slight internal defect (radial pull) moves the pull to the other side.

## Other causes

- wheel alignment knocked out by a pothole or a kerb,
- a sticking brake caliper: the car pulls when braking, and one wheel is much hotter than the others after a drive,
- worn suspension bushes or a worn tie-rod end, often with a clunk over bumps,
- road camber: most roads slope to drain water, so a very slight drift towards the kerb is normal.

## Alignment check

Book an **alignment check** in the app. The technician measures toe, camber and caster against the manufacturer's figures and prints a before-and-after report. If your car has lane-keeping or driver-assistance cameras, the front camera may need recalibration after an alignment; we will tell you before doing it.

## Why it matters

A car that is out of alignment can wear through a new set of tyres in a few thousand miles. A pull that appears only while braking is a brake problem and should be checked promptly.$md$,
  'automotive', 'maintenance', null, array['alignment', 'steering', 'pulling', 'tyres', 'suspension'], true
),
(
  'humming-noise-wheel-bearing',
  'Humming, droning or growling noise that rises with speed',
  $md$A hum or growl that gets louder as you go faster, and does not change when you change gear or rev the engine in neutral, usually comes from a wheel bearing or from the tyres.

## Narrow it down

1. Note the speed where the noise begins. Wheel bearings often start around 30–40 mph and get louder with speed.
2. On a safe, empty road, weave gently left and right. If the noise gets louder when turning one way, the bearing on the **opposite** side is usually the one carrying the load and failing: louder when turning left points to the right-hand bearing.
3. Drive over different road surfaces. Tyre noise changes a lot between smooth asphalt and rough concrete; bearing noise changes less.
4. Look at the tyres for cupping or feathered tread, which makes a rhythmic drone similar to a bearing.

## Different noises, different causes

- **Clicking when turning sharply** in a car park: a worn CV joint, usually on the outer end of a front drive shaft. Look for a split rubber boot and grease spray inside the wheel.
- **Clunk over bumps:** suspension link, bush or strut mount.
- **Whine that follows engine speed:** alternator, power steering pump or a belt tensioner, not a wheel bearing.

## Why not to wait

A worn bearing gets hotter and looser. At the end of its life it can affect the ABS sensor (ABS light on) and in extreme cases let the wheel wobble. Book an **inspection for noise** in the app. The technician lifts the car, checks each wheel for play, and uses a chassis stethoscope or a road test to pinpoint the corner.$md$,
  'automotive', 'maintenance', null, array['noise', 'wheel bearing', 'humming', 'CV joint', 'suspension'], true
),
(
  'jump-start-a-dead-battery',
  'How to jump-start a car with a flat battery safely',
  $md$A jump-start gets you moving when the battery is flat: the dash lights are dim or dead, the engine clicks instead of turning, or the central locking will not respond. Done in the wrong order it can damage electronics, so follow these steps exactly.

## Before you start

- Check your owner's manual: some hybrids and cars with the battery in the boot have dedicated jump-start posts under the bonnet.
- Never jump a battery that is cracked, leaking, bulging or frozen.
- Switch off lights, radio and climate control in both cars, and remove the keys from the dead car.

## Connecting the cables

1. Park the helper car close but not touching. Engine off.
2. Connect one **red** clamp to the **positive (+)** terminal of the flat battery.
3. Connect the other red clamp to the positive terminal of the good battery.
4. Connect the **black** clamp to the **negative (−)** terminal of the good battery.
5. Connect the last black clamp to a bare metal bolt on the engine block or the marked ground point of the dead car, away from the battery. Not the dead battery's negative terminal: a spark there can ignite battery gas.
6. Start the helper car and let it run for 3–5 minutes.
7. Start the dead car. If it does not start, wait two minutes and try again; do not crank for longer than 10 seconds.

## Disconnecting

Remove the clamps in the reverse order: black from the engine block, black from the good battery, red from the good battery, red from the revived battery. Keep clamps from touching each other.

## Afterwards

Drive for at least 30 minutes, ideally on open roads, to recharge. If the car needs a jump again within days, read our article on batteries that drain overnight and book a battery test.$md$,
  'automotive', 'maintenance', null, array['battery', 'jump start', 'flat battery', 'no-start', 'booster cables'], true
),
(
  'oil-change-interval-synthetic',
  'How often to change the oil, and which oil to use',
  $md$The right oil change interval depends on your engine, the oil type and how you drive. The interval on the service reminder or in the maintenance schedule for your vehicle always overrides generic advice such as "every 3,000 miles".

## Typical intervals

- Modern engines on full synthetic oil: every 7,500–10,000 miles or 12 months, whichever comes first.
- Older engines or conventional oil: every 3,000–5,000 miles or 6 months.
- Turbocharged petrol and most diesel engines: follow the manufacturer's figure closely; turbo bearings depend on clean oil.

## Severe service

Shorten the interval by about a third if most of your driving is short trips under 5 miles, stop-start city traffic, towing, dusty roads, or very hot or very cold climates. Many owners do not realise that the school run counts as severe use.

## Choosing the oil

1. Use the viscosity printed in the owner's manual or on the oil filler cap, for example 0W-20 or 5W-30.
2. Check the approval code, not just the viscosity. Many European engines require a specific manufacturer approval, and the wrong oil can affect emission parts and the warranty.
3. Keep receipts or use our service booking, which records the oil type and mileage in your service history.

## Between services

1. Check the dipstick once a month with the engine off and the car on level ground.
2. Top up if the level is near the lower mark; between the marks is usually about one litre.
3. An oil pressure warning light (red oil can) means stop the engine straight away: driving with no oil pressure can destroy it within minutes.

## Resetting the reminder

After a service the workshop resets the service indicator. If you changed the oil yourself, the reset procedure is in the owner's manual or in the vehicle settings menu.$md$,
  'automotive', 'maintenance', null, array['oil change', 'service interval', 'synthetic oil', 'maintenance schedule'], true
),
(
  'recall-lookup-by-vin',
  'Checking whether your vehicle has an open recall',
  $md$A recall is issued when a manufacturer finds a safety defect or a non-compliance affecting a batch of vehicles. Recall repairs are free of charge, even if the car is out of warranty or you are not the first owner.

## Find your VIN

Your vehicle identification number (VIN) is 17 characters long and never contains the letters I, O or Q. You will find it:

1. at the bottom of the windscreen on the driver's side, readable from outside,
2. on the sticker in the driver's door jamb,
3. on your registration document and insurance card,
4. in the app under **My vehicles**, once you have added the car.

## Check for open recalls

1. In the app, open **My vehicles**, select the car and tap **Recalls and bulletins**. We check the manufacturer's database each time you open the page.
2. Each open recall shows the campaign number, a description of the defect, the risk and the repair.
3. Tap **Book recall repair** to choose a workshop and time. The parts are ordered against your VIN, so allow a few days for some campaigns.

## What the statuses mean

- **Open – remedy available:** the fix is ready; book it now.
- **Open – remedy not yet available:** the manufacturer is still producing parts. You will receive a notification when you can book. Follow any interim advice in the recall notice, such as not parking in a garage.
- **Completed:** the repair has already been done, possibly by a previous owner.

## Safety recalls

If a recall warns of fire risk, airbag failure or loss of steering or braking, follow the notice's instructions immediately and contact us if you cannot safely drive the car to a workshop; we can arrange collection.$md$,
  'automotive', 'manufacturing', null, array['recall', 'VIN', 'safety', 'campaign', 'manufacturer'], true
),
(
  'oem-vs-aftermarket-parts-fitment',
  'OEM or aftermarket parts: choosing the part that fits your car',
  $md$Parts for the same model can differ between production batches, engines, trim levels and markets. Ordering by make, model and year alone is the main reason a part arrives that does not fit. Ordering by VIN avoids most of that.

## OEM, OE-equivalent and aftermarket

- **OEM (original equipment manufacturer):** the part the car was built with, in the manufacturer's packaging. Highest price, exact fit, and needed for some warranty repairs.
- **OE-equivalent:** made by the same supplier that makes the OEM part, in its own box. Usually identical quality at a lower price.
- **Aftermarket:** designed by another manufacturer to fit. Quality ranges from excellent to poor; we only list brands that meet our fitment and quality checks.

## How to order the right part

1. Add your vehicle to the app with its VIN. The catalogue then shows only parts confirmed for your build, including engine code and production date.
2. Compare the part number on the old part if you have it. A matching number is the strongest confirmation.
3. Check the fitment notes: "from production date 11/2018", "for models with adaptive cruise control", "left-hand drive only".
4. For brakes, check disc diameter; many models have two brake sizes depending on engine.
5. When in doubt, use **Ask about fitment** on the product page. A parts specialist confirms by VIN within one working day.

## Does aftermarket affect the warranty?

Using a quality aftermarket part for servicing does not by itself void your vehicle warranty in most regions. The manufacturer may refuse a claim only if it can show that the part caused the failure. Keep invoices that show the part number and fitment date.$md$,
  'automotive', 'manufacturing', null, array['parts', 'OEM', 'aftermarket', 'fitment', 'VIN', 'part number'], true
),
(
  'oil-level-rising-1-5-turbo-cold-climate',
  'Oil level rising or fuel smell in the oil on 1.5-litre turbo engines in cold weather',
  $md$Some small turbocharged direct-injection engines, such as the 1.5-litre turbo used in the Honda CR-V of these years, can show an oil level that rises above the full mark in winter, sometimes with a fuel smell on the dipstick. This is fuel dilution: a little petrol gets past the piston rings during cold running and collects in the oil because short trips never let the engine get hot enough to evaporate it.

## Signs

- The dipstick reads above the upper mark even though nobody added oil.
- The oil smells of petrol.
- In severe cases, a rough idle or a check-engine light after a cold start.

## What to do

1. Check the oil level weekly during winter, engine cold, car on level ground.
2. Combine short errands into one longer drive where possible, and include at least 20 minutes at steady speed every week so the oil reaches full temperature.
3. Do not drain oil yourself to bring the level down; book an early oil change instead if the level is more than 5 mm above the upper mark.
4. Check the app's **Recalls and bulletins** page for your VIN. The manufacturer released software updates for the engine and climate control, and extended the powertrain warranty in some regions.
5. Book a service and mention "oil level rising". The technician checks for the update, changes the oil and filter, and records the level for future comparison.

## Is the engine at risk?

With the software update applied and oil changes at the shortened interval for severe use, most engines run without further trouble. Keep the service records: they are needed if you later make a warranty claim.$md$,
  'automotive', 'maintenance', 'Honda CR-V 2017-2019 1.5L turbo', array['oil dilution', 'fuel in oil', 'turbo', 'cold weather', 'Honda', 'CR-V'], true
),
(
  'double-charged-for-service',
  'I was charged twice for the same order or service',
  $md$Seeing the same amount twice on your statement is worrying. In most cases one of the two is a temporary authorisation hold that disappears on its own, but a genuine duplicate charge is refunded in full.

## Hold or real charge?

When you book a service or place a parts order, we place an **authorisation hold** on your card for the estimated amount. When the work is completed or the order ships, we capture the final amount. Until your bank releases the hold, both can appear, often marked "pending".

- A **pending** item usually disappears within 3–5 working days, depending on your bank.
- Two **posted** (completed) charges with the same amount and date are a real duplicate.

## Check in the app

1. Go to **Account > Billing > Payment history**.
2. Each payment shows its reference, for example PAY-2024-000123. If you see only one payment for the order, the second item on your statement is the hold.
3. If you see two captured payments for the same order, tap the second one and choose **Report a duplicate charge**.

## What happens next

1. A billing agent checks the payment with our payment provider, usually within one working day.
2. A confirmed duplicate is refunded to the original card in full. You receive an email with the refund reference.
3. The money usually reaches your account in 5–10 working days; see our refund timeline article for details by payment method.

## Please do not

Start a chargeback with your bank before contacting us if you can avoid it. A chargeback freezes the payment while the bank investigates, which often takes longer than our own refund and can pause your subscription features.

If the duplicate caused an overdraft fee, tell us in the report; we consider reimbursing bank fees that our error caused.$md$,
  'billing', 'support', null, array['double charge', 'duplicate payment', 'authorisation hold', 'refund', 'billing'], true
),
(
  'refund-timeline',
  'How long a refund takes to reach your account',
  $md$Once a refund is approved, we send it to the original payment method straight away. The time it takes to show up depends on your bank or card provider, not on us.

## Typical timelines after approval

| Payment method | Usually visible within |
| --- | --- |
| Credit or debit card | 5–10 working days |
| Apple Pay / Google Pay | same as the underlying card |
| PayPal | 1–3 working days |
| Bank transfer or direct debit | 3–7 working days |
| Store credit / account balance | immediately |

Weekends and public holidays are not working days, so a refund approved on a Friday afternoon may take noticeably longer.

## Track your refund

1. Open **Account > Billing > Payment history**.
2. Refunded payments show a **Refunded** or **Partially refunded** badge and the date we issued it.
3. Tap the refund to see its **acquirer reference number (ARN)**. Your bank can trace the money with this number.

## When refunds are issued

- Cancelled appointments: automatically when you cancel more than 24 hours ahead.
- Returned parts: once the part reaches our warehouse and passes inspection, usually 2–4 working days after delivery.
- Subscription cancellations: unused time is refunded only for annual plans cancelled within 14 days of renewal.
- Billing errors such as double charges: as soon as the error is confirmed.

## Still not received?

If the ARN is shown and more than 10 working days have passed, contact your bank with the ARN first; most late refunds are sitting in a pending state there. If there is no ARN after the approval email, or your bank cannot find it, open a billing ticket and we will investigate with our payment provider.

If your card was cancelled or replaced, the refund is usually forwarded automatically to the new card by your bank.$md$,
  'billing', 'support', null, array['refund', 'refund status', 'timeline', 'ARN', 'payment history'], true
),
(
  'download-invoice-pdf',
  'Downloading invoices and receipts',
  $md$Every payment you make through the app or at one of our workshops has an invoice. You can download it as a PDF at any time, for example for expense claims or your own records.

## From the app

1. Open **Account > Billing > Invoices**.
2. Use the filter to choose a date range or a vehicle.
3. Tap an invoice and choose **Download PDF**. On a phone, use the share button to save it to your files or send it by email.

## From the web portal

1. Sign in at the customer portal and open **Billing**.
2. Tick several invoices and choose **Download selected** to get them as one ZIP file, useful at the end of a tax year.

## Workshop visits

Invoices for work done at a workshop appear in the app once the work order is completed and paid, usually within an hour. Each line shows labour hours, parts with part numbers, and taxes.

## Missing invoice

- Check that you are signed in to the same account that made the booking. Bookings made by phone are linked by email address; if you used a different address, ask us to merge them.
- Invoices for a company account are visible only to users with the **Billing** permission on that company.
- Invoices older than seven years are archived; request them from support.

## Receipt versus invoice

The receipt is the short confirmation email sent when you pay. The invoice is the full document with our company details, tax numbers and line items. If you need our tax number or your company's tax number shown on the invoice, see the article on VAT and tax invoices.

## Email delivery

You can have invoices emailed automatically to a second address, such as your accounts department: **Account > Billing > Invoice recipients**.$md$,
  'billing', 'support', null, array['invoice', 'receipt', 'PDF', 'download', 'billing history'], true
),
(
  'update-payment-card',
  'Updating or replacing your payment card',
  $md$If your card expired, was replaced by your bank, or you want to pay with a different card, update it before your next payment so subscriptions and bookings are not interrupted.

## Add a new card

1. Open **Account > Billing > Payment methods**.
2. Tap **Add payment method** and enter the card details, or choose Apple Pay or Google Pay.
3. Your bank may ask you to confirm with a code or in your banking app (3-D Secure). Keep the app open until it says **Card added**.
4. Tap the three dots next to the new card and choose **Make default**.
5. Remove the old card if you no longer want it on file.

We never see or store your full card number; it is held by our payment provider. Our staff will never ask you for your card number, CVC or a bank code by phone, email or chat.

## Card updates from your bank

Many banks send new card details to merchants automatically when a card is reissued. If that happened, you will see the new expiry date already shown next to your card. It is still worth checking.

## Subscription and outstanding payments

- Changing the default card updates your subscription immediately.
- If a payment already failed, open **Billing > Outstanding** and tap **Retry payment** after adding the new card; otherwise we retry automatically after 3 days.

## Company cards

For company accounts, only users with the Billing permission can change the payment method. Other users will see the card's last four digits but not the edit button.

## Trouble adding a card

If the card is refused, see the article on failed or declined payments. A common cause is the billing postcode not matching what the bank has on record.$md$,
  'billing', 'support', null, array['payment method', 'credit card', 'update card', 'expired card', 'billing'], true
),
(
  'subscription-plans-compared',
  'Care plans: what Basic, Plus and Fleet include',
  $md$Our care plans bundle routine maintenance, priority booking and roadside help into one monthly or annual price. You can use the app and book one-off services without any plan.

## The plans

- **Basic** – free. Service booking, digital service history, recall alerts, parts ordering at standard prices.
- **Plus** – per vehicle, monthly or annual. Everything in Basic, plus one included oil service and one multi-point inspection a year, 10% off parts and labour, priority booking within 48 hours, and 24/7 roadside assistance.
- **Fleet** – for businesses with three or more vehicles. Everything in Plus for every vehicle, one combined monthly invoice, company VAT invoices, user roles for drivers and managers, and a fleet dashboard with service due dates.

Prices depend on your region and vehicle class and are shown in the app under **Account > Plan** before you confirm. Annual billing costs the same as ten months of monthly billing.

## Changing plan

1. Open **Account > Plan** and tap **Change plan**.
2. Upgrades start immediately. You pay the difference for the rest of the current billing period.
3. Downgrades take effect at the end of the current period, so you keep the benefits you already paid for.

## Adding or removing vehicles

Plus and Fleet are priced per vehicle. Adding a vehicle adds its price from today, prorated. Removing a vehicle stops its charge from the next billing date.

## Included services

Included services do not roll over: an unused annual oil service expires at the plan's renewal date. The app shows what remains under **Plan > Benefits**.

## Trial

New Plus customers can try it free for 30 days. We remind you by email 3 days before the trial ends. Cancel any time before that and you will not be charged.$md$,
  'billing', 'support', null, array['subscription', 'plans', 'pricing', 'Plus', 'Fleet', 'upgrade', 'downgrade'], true
),
(
  'payment-failed-declined',
  'Payment failed or card declined',
  $md$A declined payment is nearly always decided by your bank, not by us. The message in the app tells you the general reason; your bank can tell you the exact one.

## Common reasons

- **Insufficient funds or credit limit reached.**
- **Card expired** or replaced with a new number.
- **Security check not completed:** the bank asked you to approve the payment in its app or with a code, and the request timed out.
- **Billing address or postcode mismatch.**
- **Card blocked for online or international payments,** common with new cards and some business cards.
- **Suspected fraud:** a large or unusual payment, such as a big repair bill, is sometimes blocked until you confirm it with the bank.

## What to do

1. Check the card details under **Account > Billing > Payment methods**, including expiry date and billing postcode.
2. Open your banking app: look for a pending approval request or a fraud alert and approve it.
3. Go back to **Billing > Outstanding** and tap **Retry payment**. Keep the app open during the bank's security check.
4. If it fails again, try another card, Apple Pay or Google Pay, or PayPal.
5. Still failing? Call the number on the back of your card and ask why the payment from our company was declined.

## What happens to your account

- We retry a failed subscription payment automatically after 3 and after 7 days.
- Your plan stays active for 14 days after the first failed attempt. After that it moves to Basic until the payment succeeds; your service history and vehicles are never deleted.
- A booking that needs a deposit is held for 24 hours while you fix the payment.

## You were charged despite an error

If the app showed an error but money left your account, do not pay again. Check **Payment history**; if the payment is not there, the amount is an authorisation hold that your bank releases within a few days.$md$,
  'billing', 'support', null, array['payment failed', 'declined', 'card', '3-D Secure', 'retry payment'], true
),
(
  'vat-tax-invoice-company-details',
  'Getting a VAT or tax invoice with your company details',
  $md$Businesses that want to reclaim VAT or sales tax need an invoice that shows their company name, address and tax registration number. You can add these to your account so every future invoice includes them.

## Add your company details

1. Open **Account > Billing > Invoice details**.
2. Switch on **Invoice to a company**.
3. Enter the registered company name, the billing address and your VAT or tax number, including the country prefix (for example DE123456789).
4. Tap **Validate**. We check EU VAT numbers against the official VIES register; if the register is temporarily unavailable, we save the number and check again later.
5. Save. All invoices issued from now on show these details.

## Invoices already issued

Invoices are legal documents and cannot be edited after issue. To add company details to a past invoice:

1. Find it under **Billing > Invoices**.
2. Tap **Request corrected invoice**. This is possible for invoices from the last 12 months.
3. We issue a credit note that cancels the original and a new invoice with your company details, usually within 2 working days. Both appear in the app.

## Reverse charge

For cross-border business customers in the EU with a valid VAT number, the invoice may show 0% VAT with the note "reverse charge". This is correct: you account for the VAT in your own return.

## Fleet accounts

Fleet plans receive one combined monthly invoice with a line per vehicle and per work order. Ask us if you need cost centres or purchase order numbers on the invoice; we can add a **PO number** field to your bookings.

## Tax rates

The tax rate depends on where the service was performed or the parts were delivered, not on where your company is registered.$md$,
  'billing', 'support', null, array['VAT', 'tax invoice', 'company', 'business', 'reverse charge', 'credit note'], true
),
(
  'cancel-subscription',
  'Cancelling your care plan',
  $md$You can cancel a monthly or annual care plan at any time from the app. Cancelling stops future payments; it does not delete your account, vehicles or service history.

## Cancel in the app

1. Open **Account > Plan**.
2. Tap **Cancel plan** at the bottom of the page.
3. Choose a reason (optional, but it helps us improve) and confirm.
4. You receive a confirmation email with the date your benefits end. Keep it in case of questions.

Cancelling through the app store is needed only if you originally subscribed through Apple or Google in-app purchase; the plan page tells you if this applies and links to the right settings.

## When the plan ends

- **Monthly plans:** benefits continue until the end of the month you already paid for. No partial refunds.
- **Annual plans:** cancel within 14 days of the start or renewal date for a refund of the unused amount minus any included services you already used. After 14 days, benefits continue until the end of the year and no further payments are taken.
- **Trials:** cancel before the trial ends and you are not charged at all.

## Bookings already made

Appointments booked at plan prices stay at those prices if they fall before the end date. Appointments after the end date are repriced at standard rates and we tell you the new price before the visit.

## Charged after cancelling?

If a payment was taken after you cancelled, check the confirmation email date. If you cancelled before the renewal date, report it under **Billing > Payment history > Report a problem**; it is refunded in full.

## Changed your mind?

Tap **Resume plan** before the end date to continue with no gap and no new trial.$md$,
  'billing', 'support', null, array['cancel', 'subscription', 'care plan', 'refund', 'renewal'], true
),
(
  'app-login-problems',
  'Cannot sign in to the app or web portal',
  $md$Most sign-in problems come from a mistyped email address, an out-of-date app, or a sign-in method different from the one you used when you registered.

## Work through these in order

1. **Check the email address.** Look for typos and for a different address you might have used, such as a work address. Bookings made at a workshop create an account with the email the workshop recorded.
2. **Use the same sign-in method as before.** If you registered with **Continue with Google** or **Continue with Apple**, signing in with a password will fail because the account has no password. Use the same button again.
3. **Update the app.** Old versions can stop working after we update security settings. Install the latest version from your app store.
4. **Check the time on your phone.** Sign-in links and one-time codes depend on the correct time; set date and time to automatic.
5. **Try the web portal** in a private browser window. If that works, clear the app's cache (Android: Settings > Apps > our app > Storage > Clear cache) or reinstall it.
6. **Reset your password** with **Forgot password?** on the sign-in screen (see the password reset article).

## Error messages

- **"Invalid login credentials":** wrong email or password. After 5 failed attempts we pause sign-in for that account for 15 minutes to protect it.
- **"Email not confirmed":** open the confirmation email we sent when you registered, or tap **Resend confirmation**.
- **"Too many requests":** wait 15 minutes before trying again.
- **Code not accepted:** see the two-factor authentication article.

## Still locked out?

Open a ticket using the **Contact us** link on the sign-in screen, which works without an account. Tell us the email address you think you used and your vehicle registration or a recent invoice number so we can find your account. For your security we will never ask for your password.$md$,
  'product', 'support', null, array['login', 'sign in', 'app', 'password', 'account access', 'error'], true
),
(
  'reset-password',
  'Resetting a forgotten password',
  $md$If you have forgotten your password, you can set a new one in a couple of minutes with a link we send to your email address.

## Steps

1. On the sign-in screen of the app or web portal, tap **Forgot password?**.
2. Enter the email address of your account and tap **Send reset link**. For privacy, we show the same message whether or not the address has an account.
3. Open the email titled "Reset your password" on the same device if you can. The link is valid for 1 hour and can be used once.
4. Choose a new password of at least 10 characters. A short sentence you can remember is stronger than a complicated word.
5. Sign in with the new password. You stay signed in on the device you used; other devices are signed out for your security.

## The email did not arrive

1. Wait five minutes and check spam, junk, promotions and "other" folders.
2. Search your inbox for our sender address.
3. Make sure you typed the address of **this** account; bookings made at a workshop may use a different email.
4. Request a new link; each new request cancels the previous one, so always use the newest email.
5. Corporate email systems sometimes rewrite links and break them. Try opening the link on your phone's browser, or ask us to change your account email.

## Link says expired or invalid

The link was older than an hour, was already used, or was opened by an email security scanner that "clicks" links automatically. Request a new link and open it promptly.

## Signed up with Google or Apple?

Accounts created with **Continue with Google** or **Continue with Apple** do not have a password with us. Use the same button to sign in. You can add a password afterwards under **Account > Security**.$md$,
  'account', 'support', null, array['password reset', 'forgot password', 'email link', 'sign in', 'security'], true
),
(
  'two-factor-authentication',
  'Two-factor authentication: turning it on and fixing code problems',
  $md$Two-factor authentication (2FA) adds a second step when you sign in: after your password, you enter a six-digit code from an authenticator app. Even if someone learns your password, they cannot sign in without your phone.

## Turn on 2FA

1. Install an authenticator app, such as Google Authenticator, Microsoft Authenticator or 1Password.
2. In our app, open **Account > Security > Two-factor authentication** and tap **Set up**.
3. Scan the QR code with the authenticator app, or type in the setup key shown below it.
4. Enter the six-digit code the authenticator shows, to prove the setup worked.
5. Save the **recovery codes** somewhere safe, such as a password manager or printed at home. Each code works once if you lose your phone.

## Code not accepted

1. Codes change every 30 seconds. Enter the current code, not one that is about to expire.
2. Set your phone's date and time to **automatic**. A clock that is even a minute out produces wrong codes; this is the most common cause.
3. Make sure you are reading the entry for our service in the authenticator app, not another account.
4. If you changed phones, the authenticator entries may not have been transferred. Use a recovery code to sign in, then set up 2FA again on the new phone.

## Lost phone and no recovery codes

For your protection, we cannot switch off 2FA by chat. Use **Contact us** on the sign-in screen and choose **I lost my 2FA device**. We verify your identity with details only the account owner knows, such as recent invoice numbers and your vehicle's VIN, and then remove 2FA so you can set it up again. This takes up to 2 working days.

## Fleet accounts

Fleet administrators can require 2FA for every user on the company account under **Company > Security**.$md$,
  'account', 'support', null, array['2FA', 'two-factor', 'authenticator', 'security code', 'recovery codes', 'MFA'], true
),
(
  'book-service-appointment',
  'Booking, moving or cancelling a workshop appointment',
  $md$You can book any service, repair or diagnosis at our workshops from the app, see the price estimate before you confirm, and move the appointment if your plans change.

## Book an appointment

1. Open **Book a service** on the home screen.
2. Select the vehicle. If it is not in your list, add it with its VIN or registration so we can quote the right parts.
3. Choose what you need: a routine service, a specific repair, or **Something is wrong** to describe a symptom. Add photos or a short video if it helps.
4. Pick a workshop. The map shows the next available slot at each one.
5. Choose a date and time, and whether you will wait, drop the car off, or need a courtesy car (limited, book early).
6. Review the estimate and confirm. Some repairs need a deposit; it is deducted from the final bill.

You receive a confirmation with a booking reference. The workshop may contact you if the fault needs a diagnosis first.

## Move or cancel

1. Open **My bookings** and select the appointment.
2. Tap **Reschedule** to pick a new slot, or **Cancel booking**.
3. Cancelling more than 24 hours before the appointment is free and any deposit is refunded automatically. Later cancellations may keep the deposit to cover ordered parts.

## On the day

- Bring the locking wheel nut key, if your wheels have one, and all keys for key-related work.
- You can follow progress live in the app: checked in, in progress, waiting for approval, ready for collection.
- If the technician finds extra work, you approve or decline each item in the app before it is done. Nothing is added to your bill without your approval.

## Collection

Pay in the app or at the desk. Your invoice and service record appear in the app immediately.$md$,
  'product', 'support', null, array['booking', 'appointment', 'service', 'reschedule', 'workshop', 'courtesy car'], true
),
(
  'track-parts-order',
  'Tracking a parts order and what each status means',
  $md$After you order parts in the app or web shop, you can follow the order from our warehouse to your door or to the workshop where it will be fitted.

## Find your order

1. Open **Account > Orders**. Orders are listed newest first with their order number, such as PO-2024-004512.
2. Tap an order to see its status, the items, and the tracking link once it has shipped.

## Order statuses

- **Received:** payment authorised; we are checking stock.
- **Backordered:** at least one item is not in stock. The expected date is shown per item. You can cancel backordered items for a full refund at any time before they ship.
- **Picking:** our warehouse is packing your order, usually the same working day.
- **Shipped:** handed to the carrier. The tracking number appears with a link to the carrier's website.
- **Out for delivery / Delivered:** from the carrier.
- **Ready at workshop:** for orders delivered to a workshop for fitting; the workshop will contact you to book the fitting if you have not already.

## Delivery times

Standard delivery takes 2–4 working days; express orders placed before 2 pm ship the same day. Large items such as exhausts or bumpers travel by freight and can take a day longer. Items from the manufacturer's central stock, shown as "supplier direct", take 5–10 working days.

## Problems with delivery

1. If tracking shows delivered but you do not have the parcel, check with neighbours and your building's reception, then wait until the end of the next working day; carriers sometimes scan early.
2. If the parcel arrives damaged, take photos before opening it fully and report it under the order within 48 hours.
3. Wrong part? See the fitment article, and use **Return an item** on the order. Unused parts in original packaging can be returned within 30 days.$md$,
  'product', 'support', null, array['parts order', 'tracking', 'delivery', 'shipping', 'backorder', 'returns'], true
),
(
  'notification-settings',
  'Notifications: choosing what you hear about and fixing missing alerts',
  $md$The app can notify you about booking reminders, repair progress, parts deliveries, recall alerts, service due dates and billing. You choose which ones arrive as push notifications, email or text message.

## Change your preferences

1. Open **Account > Notifications**.
2. For each type, switch push, email and SMS on or off.
3. Safety recall alerts and security messages (new sign-in, password change) cannot be switched off completely; you can choose the channel.
4. Tap **Quiet hours** to stop push notifications overnight. Repair progress for a car currently in the workshop is still delivered.

## Not receiving push notifications

1. Check that notifications for our app are allowed in your phone's settings (iPhone: Settings > Notifications; Android: Settings > Apps > Notifications).
2. Focus modes, Do Not Disturb and battery saver modes can hold notifications back. Add our app as an exception.
3. Sign out of the app and sign in again. This registers your device again, which fixes most missing notifications after a phone change or backup restore.
4. Make sure you are signed in to the right account on the right device; notifications only go to devices where you are signed in.

## Not receiving texts or emails

- Check the phone number and email address under **Account > Profile**, including the country code.
- If you once replied STOP to one of our texts, your number is blocked for text messages. Reply START to the same number to resume.
- Search spam folders for emails from us and mark one as "not spam".

## Too many notifications?

Switch marketing messages off under **Account > Notifications > Offers**. This never affects booking, repair or recall messages.$md$,
  'product', 'support', null, array['notifications', 'push', 'SMS', 'email', 'alerts', 'reminders'], true
),
(
  'add-vehicle-to-account',
  'Adding a vehicle to your account with its VIN',
  $md$Adding your vehicle lets the app show parts that fit, recall alerts, service reminders and your service history. You can add several vehicles, and company accounts can add a whole fleet.

## Add a vehicle

1. Open **My vehicles** and tap **Add vehicle**.
2. Scan the VIN barcode at the bottom of the windscreen or in the driver's door jamb with your camera, or type the 17-character VIN.
3. We decode the VIN to the year, make, model, engine and trim. Check that they are right.
4. Add the current mileage and, optionally, a nickname and photo.
5. Tap **Save**. Recalls and the service schedule for the vehicle load within a few seconds.

## VIN problems

- A VIN has exactly 17 characters and never uses the letters I, O or Q. A zero is often mistaken for the letter O, and a one for the letter I.
- Vehicles built before 1981 and some imported vehicles do not have a standard VIN; choose **Enter details manually** and select year, make and model from the catalogue.
- **"VIN already registered":** the vehicle is on another account, often a previous owner's or a family member's. Tap **Request transfer**; we ask the other account to release it, or you can send us proof of ownership.

## Selling a vehicle

Open the vehicle and choose **Remove vehicle**. Its service history stays with the vehicle, not with you: the new owner can request it when they add the VIN, unless you choose **Remove history** at the same time.

## Mileage updates

Update the mileage every few months, or let the workshop record it at each visit, so service reminders arrive on time.$md$,
  'account', 'support', null, array['vehicle', 'VIN', 'add vehicle', 'garage', 'my vehicles'], true
),
(
  'warranty-what-is-covered',
  'What our repair warranty and the parts warranty cover',
  $md$Every repair done at our workshops and every part we sell carries a warranty. This article explains what is covered; the manufacturer's new-vehicle warranty is separate and is handled through the vehicle's brand dealer network.

## Workshop repair warranty

- **Covered:** parts we fitted and the labour to fit them, for **24 months or 24,000 miles**, whichever comes first, at any of our workshops.
- Includes the cost of diagnosing a failure of the repaired part.
- Roadside recovery to the nearest workshop if the covered part fails and the car cannot be driven, within 50 miles.

## Parts bought for self-fitting

- **Covered:** defects in materials and manufacture for 12 months from delivery, or longer where the part's packaging states a longer period.
- Not covered: labour, damage from incorrect fitting, and parts used on a vehicle they were not listed for.

## Never covered

- Normal wear: brake pads and discs, wiper blades, tyres, clutch friction material and bulbs wear out with use.
- Damage from accidents, flooding, misuse, racing, or modifications.
- Fluids and filters, except where a covered failure caused their loss.
- Consequential costs such as hotel bills or lost earnings, unless the law of your country requires it.

## Keep your warranty valid

1. Keep the invoice; it is also in the app under **Billing > Invoices**.
2. Follow the service schedule for your vehicle.
3. Report a fault as soon as you notice it, and do not let another garage repair the part first, except in an emergency; ask us first.

## Making a claim

See the warranty claim article for the steps. Warranty repairs do not restart the warranty period, but the replaced part gets its own 12-month cover.$md$,
  'warranty', 'support', null, array['warranty', 'coverage', 'parts warranty', 'repair guarantee', 'exclusions'], true
),
(
  'warranty-claim-process',
  'Making a warranty claim for a repair or part',
  $md$If a part we fitted or sold fails within its warranty period, we repair or replace it at no cost. Starting the claim in the app is the fastest way and lets you follow its progress.

## Start a claim

1. Open **Account > Warranty** and tap **New claim**, or open the invoice of the original repair and choose **Report a problem with this work**.
2. Select the part or repair line that you think has failed.
3. Describe the symptom, when it started and the current mileage.
4. Add photos or a short video: a leaking part, a warning light on the dashboard, a noise recording.
5. Choose a workshop and a time for the inspection.

You receive a claim number such as WC-2024-00077. Please quote it in any messages.

## What happens next

1. **Inspection:** a technician confirms the fault and checks that the failure is the covered part, not another component. Diagnosis is free when the claim is approved.
2. **Decision:** usually the same day for parts in stock. You are notified in the app with the result and the reason.
3. **Repair:** approved claims are repaired at no cost. If the part must be ordered, we offer a courtesy car where available, or arrange the repair at the earliest date.
4. **Parts bought for self-fitting:** return the failed part with the claim number; we send a replacement or a refund once it is checked.

## If the claim is declined

The decision explains why, for example wear and tear or fitting damage. You can ask for a second review by a senior technician with **Appeal decision**; include anything the first review did not see.

## Emergencies away from home

If a covered part fails more than 50 miles from our nearest workshop, get it repaired at a reputable garage, keep the invoice and the failed part, and submit the claim within 30 days. We reimburse up to our own labour rate.$md$,
  'warranty', 'support', null, array['warranty claim', 'claim', 'defective part', 'repair failed', 'appeal'], true
),
(
  'delete-account-and-export-data',
  'Exporting your data or deleting your account',
  $md$You can download everything we hold about you, and you can delete your account at any time. Deleting is permanent, so export anything you may need first.

## Export your data

1. Open **Account > Privacy > Export my data**.
2. Choose what to include: profile, vehicles and service history, bookings, invoices, conversations with support.
3. Tap **Request export**. We prepare a ZIP file with JSON and PDF files, usually within an hour, and email you a download link valid for 7 days.

## Delete your account

1. Cancel any active care plan and wait for open bookings and parts orders to finish; the delete option is unavailable while work is in progress.
2. Open **Account > Privacy > Delete my account**.
3. Confirm with your password or a code we send to your email.
4. Your sign-in stops working immediately. Personal data is removed within 30 days.

## What we keep

The law requires us to keep invoices and tax records for a number of years. These are kept without any link to an active account and are used only for accounting and legal purposes. Warranty records for work on a vehicle stay with the VIN, without your name, so a future owner can still claim on a recent repair.

## Company accounts

Only the company owner can delete a Fleet account. Individual drivers can be removed by an administrator under **Company > Users**; their bookings stay with the company.

## Changed your mind?

Within 30 days, contact support from the sign-in screen and we can restore the account, provided the data has not yet been removed.$md$,
  'account', 'support', null, array['delete account', 'data export', 'privacy', 'GDPR', 'personal data'], true
),
(
  'ev-charging-port-error',
  'DRAFT: Electric vehicle will not charge at home or at a public charger',
  $md$Draft for review by the EV team — do not publish until the charger compatibility table is confirmed.

## First checks

1. Make sure the vehicle is unlocked and in Park; many vehicles refuse to start a charge while locked with the charge port set to lock.
2. Check the charging port for dirt, water or bent pins. Clear debris with dry compressed air only.
3. Try a different charger or a different cable. If a public charger fails but home charging works, the fault is probably the station: report it to the operator.
4. Check the charging schedule in the vehicle or app. A scheduled "off-peak only" setting makes the car appear not to charge during the day.
5. Look at the charge port light colour and compare it with the owner's manual.

## Home charger

1. Check the circuit breaker and the residual current device for the wall box.
2. Restart the wall box by switching it off at the breaker for one minute.
3. Update the wall box firmware in its own app.

## Still not charging

Book an EV diagnosis. The technician checks the onboard charger, the charge port actuator and the high-voltage battery's state of health. Only trained technicians may work on high-voltage components; do not open any orange-cabled part yourself.

TODO: add the compatibility table for the wall boxes we sell, and the error codes for the two most common vehicles.$md$,
  'automotive', 'maintenance', null, array['EV', 'charging', 'electric vehicle', 'wall box', 'draft'], false
),
(
  'loyalty-points-program',
  'DRAFT: Earning and spending loyalty points',
  $md$Draft: the loyalty programme launches next quarter. Figures below are placeholders until finance confirms them.

## Earning points

1. Earn 1 point for every whole currency unit spent on services and parts through the app.
2. Earn 50 bonus points for every completed review of a workshop visit.
3. Care plan members earn points at double the standard rate.

## Spending points

1. At checkout, switch on **Use points**.
2. 100 points are worth 1 currency unit off the bill.
3. Points cannot be used to pay care plan subscriptions.

## Expiry

Points expire 24 months after they were earned. The app shows points that will expire in the next 60 days on the **Rewards** page.

## Refunds

If a purchase is refunded, the points it earned are removed. If you paid partly with points, those points are returned to your balance.

## Questions we still need to answer

- Do fleet accounts earn points per driver or per company?
- Are points transferable between family members?
- What happens to points when an account is deleted?

This article needs legal review of the terms and conditions section before it can be published. Owner: billing team.$md$,
  'billing', 'support', null, array['loyalty', 'points', 'rewards', 'draft'], false
),
(
  'winter-tyre-storage-service',
  'DRAFT: Seasonal tyre change and tyre storage',
  $md$Draft pending prices per region.

## What the service includes

1. Swapping summer and winter wheels or tyres at a workshop.
2. Checking tread depth, age and damage on both sets, and reporting it in the app with photos.
3. Balancing where needed, and setting pressures and the TPMS sensors.
4. Cleaning and storing the removed set in our climate-controlled storage until the next change.

## When to change

Winter tyres grip better below about 7 °C. Plan the change for mid-autumn and back in spring once nights are consistently above freezing. Book early: the weeks of the first snow are the busiest of the year.

## Storage terms

1. Tyres are stored under your vehicle's registration and a storage label number.
2. Storage is charged per season and renews automatically unless you collect the tyres.
3. We will contact you before disposing of tyres that are below the legal tread depth.

## Wheel bolts

After any wheel change, wheel bolts should be re-torqued after about 50 miles. Any of our workshops does this for free without an appointment.

TODO: prices, storage location list, and the process for collecting stored tyres from another workshop.$md$,
  'automotive', 'maintenance', null, array['tyres', 'winter tyres', 'storage', 'seasonal', 'draft'], false
)
on conflict (slug) do update set
  title = excluded.title,
  content = excluded.content,
  category = excluded.category,
  solution_area = excluded.solution_area,
  vehicle_context = excluded.vehicle_context,
  tags = excluded.tags,
  is_published = excluded.is_published;

-- ---------------------------------------------------------------------------------------------------------------
-- Guided troubleshooting: guides, then their ordered steps
-- ---------------------------------------------------------------------------------------------------------------
insert into public.guides (slug, title, description, solution_area, symptoms, is_published) values
  ('car-wont-start', 'Car will not start',
    'For when the engine will not fire up: it cranks without running, only clicks, or nothing happens when you turn the key or press start. Covers the battery, gear selector, damp ignition after rain, fuel and the key.',
    'maintenance',
    array['engine cranks but does not start', 'clicking when turning the key', 'nothing happens when pressing start', 'will not start after rain or car wash', 'dashboard lights come on but engine does not turn over'], true),
  ('battery-keeps-dying', 'Battery keeps going flat',
    'For a battery that is flat or dead again and again: the car needs a jump start, dies after being parked, or the battery light comes on while driving. Finds what drains it and checks the battery and alternator.',
    'maintenance',
    array['battery dead in the morning', 'needs a jump start every few days', 'battery light on while driving', 'dim headlights and slow cranking', 'battery flat after parking for a weekend'], true),
  ('check-engine-light-on', 'Check-engine light is on',
    'For the orange or amber engine warning symbol on the dashboard, steady or blinking, with or without a fault code from a scanner. Tells you whether it is safe to drive and what to note for the workshop.',
    'maintenance',
    array['check engine light on', 'engine warning light flashing', 'OBD code such as P0300 or P0420', 'car in limp mode with reduced power', 'engine light came on after refuelling'], true),
  ('brakes-noisy', 'Brakes are squealing or grinding',
    'For brakes that squeal, squeak or grind when you stop, or a pedal or steering wheel that shakes when braking. Separates harmless morning rust from worn pads and warped discs.',
    'maintenance',
    array['squealing when braking', 'grinding metal noise from the wheels', 'brake pedal vibrates', 'squeak in the morning', 'car pulls when braking'], true),
  ('engine-overheating', 'Engine is overheating',
    'For an engine running too hot: the temperature gauge climbs towards red, steam comes from under the bonnet, the coolant light is on or it smells sweet. Keeps the engine safe and checks coolant, leaks and the fan.',
    'maintenance',
    array['temperature gauge in the red', 'steam from under the bonnet', 'coolant warning light', 'sweet smell of coolant', 'overheats in traffic'], true),
  ('ac-not-cold', 'Air conditioning is not cold',
    'For air conditioning (A/C, aircon) that blows warm or hot air instead of cooling, only cools one side, or has weak, musty airflow from the vents.',
    'maintenance',
    array['air conditioning blows warm air', 'A/C only cold on one side', 'weak airflow from vents', 'musty smell from vents', 'A/C cold on the motorway but warm in traffic'], true),
  ('tyre-pressure-light-on', 'Tyre pressure warning light is on',
    'For the tyre pressure (TPMS) warning light, steady or flashing, and tyres that lose air. Checks and inflates the tyres and resets the warning.',
    'maintenance',
    array['TPMS light on', 'tyre pressure warning flashing', 'tyre looks low', 'warning light on cold mornings', 'light came on after new wheels'], true),
  ('key-fob-not-working', 'Key fob not working or key not detected',
    'For a key fob or remote that no longer locks or unlocks the doors, or a car that says the key is not detected. Covers the spare key, interference and the fob battery.',
    'maintenance',
    array['key not detected message', 'remote does not unlock doors', 'push button start does not respond', 'key fob range very short', 'key stopped working after getting wet'], true),
  ('cant-log-in-app', 'Cannot log in to the app',
    'For trouble signing in to the app or web portal: password or credentials not accepted, reset emails that do not arrive, or two-factor codes that are rejected.',
    'support',
    array['invalid login credentials', 'password not accepted', 'two-factor code rejected', 'reset email never arrives', 'app stuck on loading after sign in'], true),
  ('payment-failed', 'Payment failed or card declined',
    'For payments that do not go through: a declined card, a failed checkout or subscription payment, a bank security check that timed out, or a card you cannot add.',
    'support',
    array['card declined', 'payment failed at checkout', 'subscription payment did not go through', 'bank security check timed out', 'cannot add new card'], true)
on conflict (slug) do update set
  title = excluded.title,
  description = excluded.description,
  solution_area = excluded.solution_area,
  symptoms = excluded.symptoms,
  is_published = excluded.is_published;

-- Steps are inserted only for a guide that has none yet: an admin's later edits in /admin/guides survive a re-seed,
-- and troubleshooting sessions that refer to existing steps are never disturbed.
with guide as (select id from public.guides where slug = 'car-wont-start'),
steps (position, instruction) as (values
  (1, 'Watch the dashboard when you turn the key or press start. If the lights are very dim or nothing lights up, the battery is flat: go to the "Battery keeps going flat" guide or jump-start the car.'),
  (2, 'Check the car is in Park (or Neutral for a manual with the clutch pressed) and that your foot is on the brake. Push-button cars will not start without both.'),
  (3, 'If you hear a single click or rapid clicking but the engine does not turn, clean and tighten the battery terminals, then try again.'),
  (4, 'If the engine turns over but does not fire after rain or a car wash, open the bonnet, let the engine bay dry for 20-30 minutes and wipe any water off the coil packs.'),
  (5, 'Check the fuel gauge and listen for a short hum from the fuel pump when switching the ignition on. No hum and a full tank points to the pump or its fuse.'),
  (6, 'Try again, cranking for no more than 10 seconds at a time with a one-minute pause between attempts so you do not flood the engine or drain the battery.'),
  (7, 'If the key symbol flashes or "key not detected" appears, hold the key against the start button and try again.')
)
insert into public.guide_steps (guide_id, position, instruction)
select guide.id, steps.position, steps.instruction from guide cross join steps
where not exists (select 1 from public.guide_steps existing where existing.guide_id = guide.id);

with guide as (select id from public.guides where slug = 'battery-keeps-dying'),
steps (position, instruction) as (values
  (1, 'After locking the car at night, walk round it and check that no interior, boot or glove-box light stays on.'),
  (2, 'Unplug dash cams, trackers and chargers from the 12 V and USB sockets and leave them unplugged for two nights.'),
  (3, 'Check the date on the battery label. A battery older than four to five years may simply be worn out.'),
  (4, 'Clean white or green corrosion off the terminals (negative off first) and make sure the clamps are tight.'),
  (5, 'With a multimeter, check the battery reads at least 12.4 V with the engine off and 13.8-14.7 V with it running. Below 13.5 V running means the alternator is not charging.'),
  (6, 'Drive for at least 30 minutes on open roads to recharge the battery fully, then see whether it still goes flat.')
)
insert into public.guide_steps (guide_id, position, instruction)
select guide.id, steps.position, steps.instruction from guide cross join steps
where not exists (select 1 from public.guide_steps existing where existing.guide_id = guide.id);

with guide as (select id from public.guides where slug = 'check-engine-light-on'),
steps (position, instruction) as (values
  (1, 'Check whether the light is steady or flashing. If it flashes, reduce speed, avoid hard acceleration and head to a workshop: the engine is misfiring badly.'),
  (2, 'Check the other gauges. If the temperature is high or the oil pressure light is on, stop the engine as soon as it is safe.'),
  (3, 'If the light came on after refuelling, make sure the fuel cap is tightened until it clicks. The light may take a few drives to go out.'),
  (4, 'Read the stored code with a code reader, or at any of our workshops for free, and note codes such as P0300 or P0420.'),
  (5, 'Note when the light appeared and any change in how the car drives: shaking, loss of power, smells or noises.'),
  (6, 'Look up the code in the help centre. Do not clear it before a technician has seen it, because the stored data helps the diagnosis.')
)
insert into public.guide_steps (guide_id, position, instruction)
select guide.id, steps.position, steps.instruction from guide cross join steps
where not exists (select 1 from public.guide_steps existing where existing.guide_id = guide.id);

with guide as (select id from public.guides where slug = 'brakes-noisy'),
steps (position, instruction) as (values
  (1, 'Notice when the noise happens. A light squeak for the first few stops on a damp morning is surface rust and is normal.'),
  (2, 'If you hear metal-on-metal grinding, stop using the car except to drive slowly to a workshop: the pads are worn through.'),
  (3, 'Look through the wheel spokes at the brake pads. Less than 3 mm of pad material means they need replacing.'),
  (4, 'Check the brake fluid reservoir under the bonnet. A level near MIN suggests worn pads; a sudden drop suggests a leak, which is urgent.'),
  (5, 'If the pedal or steering wheel shakes when braking from speed, the discs are likely uneven and need measuring.'),
  (6, 'Note which wheel the noise comes from and whether the car pulls to one side when braking.')
)
insert into public.guide_steps (guide_id, position, instruction)
select guide.id, steps.position, steps.instruction from guide cross join steps
where not exists (select 1 from public.guide_steps existing where existing.guide_id = guide.id);

with guide as (select id from public.guides where slug = 'engine-overheating'),
steps (position, instruction) as (values
  (1, 'Switch the air conditioning off and the heater to full hot with the fan on maximum to draw heat away from the engine.'),
  (2, 'Pull over safely and switch the engine off. Do not open the coolant cap while the engine is hot.'),
  (3, 'Wait at least 30 minutes, then check the coolant level in the expansion tank against the MIN and MAX marks.'),
  (4, 'Look under the car for green, orange or pink puddles with a sweet smell, and check the hoses for drips.'),
  (5, 'Start the engine, switch the A/C on and check that the radiator fan spins.'),
  (6, 'If the level was low, top up with the correct coolant and watch the gauge closely on a short drive. If it rises again, stop and arrange a tow.')
)
insert into public.guide_steps (guide_id, position, instruction)
select guide.id, steps.position, steps.instruction from guide cross join steps
where not exists (select 1 from public.guide_steps existing where existing.guide_id = guide.id);

with guide as (select id from public.guides where slug = 'ac-not-cold'),
steps (position, instruction) as (values
  (1, 'Set the temperature to the coldest setting, press the A/C button so its light is on, and select recirculation.'),
  (2, 'With the engine running, check that the centre of the compressor pulley starts spinning a few seconds after pressing A/C.'),
  (3, 'Check that the radiator fan runs while the A/C is on; without it the air turns warm in traffic.'),
  (4, 'Rinse leaves and insects off the condenser in front of the radiator with a gentle hose spray.'),
  (5, 'Replace the cabin air filter if it is dark or clogged; weak airflow and musty smells often come from it.'),
  (6, 'If only one side is cold, listen for clicking behind the dashboard: a blend door actuator may have failed.')
)
insert into public.guide_steps (guide_id, position, instruction)
select guide.id, steps.position, steps.instruction from guide cross join steps
where not exists (select 1 from public.guide_steps existing where existing.guide_id = guide.id);

with guide as (select id from public.guides where slug = 'tyre-pressure-light-on'),
steps (position, instruction) as (values
  (1, 'Check whether the light is steady (a tyre is low) or flashes for a minute at start-up (a sensor fault).'),
  (2, 'Find the correct pressures on the sticker in the driver''s door jamb or fuel filler flap.'),
  (3, 'Check all four tyres with a gauge while cold and inflate them to the recommended pressure.'),
  (4, 'Drive for 10-15 minutes; most systems switch the light off on their own. Some need a reset from the vehicle settings menu.'),
  (5, 'Look for a nail or screw in any tyre that keeps losing air, and book a puncture repair.')
)
insert into public.guide_steps (guide_id, position, instruction)
select guide.id, steps.position, steps.instruction from guide cross join steps
where not exists (select 1 from public.guide_steps existing where existing.guide_id = guide.id);

with guide as (select id from public.guides where slug = 'key-fob-not-working'),
steps (position, instruction) as (values
  (1, 'Hold the key fob against the start button (or the marked spot in the cabin) and press start with your foot on the brake.'),
  (2, 'Try the spare key. If it works, the fault is in the first key, most likely its battery.'),
  (3, 'Move phones, chargers and dash cams away from the key and the start button, and try again.'),
  (4, 'Replace the coin cell in the fob (usually CR2032 or CR2025), matching the + side of the old battery.'),
  (5, 'Test locking, unlocking and starting. If the key still fails, book key programming and bring every key you have.')
)
insert into public.guide_steps (guide_id, position, instruction)
select guide.id, steps.position, steps.instruction from guide cross join steps
where not exists (select 1 from public.guide_steps existing where existing.guide_id = guide.id);

with guide as (select id from public.guides where slug = 'cant-log-in-app'),
steps (position, instruction) as (values
  (1, 'Check the email address for typos, and try any other address you might have used, such as a work address.'),
  (2, 'If you registered with Google or Apple, use the same "Continue with" button instead of a password.'),
  (3, 'Update the app to the latest version from your app store.'),
  (4, 'Set your phone''s date and time to automatic; sign-in codes fail when the clock is wrong.'),
  (5, 'Tap "Forgot password?" and follow the newest reset email within one hour.'),
  (6, 'Try signing in on the web portal in a private browser window. If that works, clear the app''s cache or reinstall it.'),
  (7, 'If 2FA codes are rejected and you lost your phone, sign in with a recovery code.')
)
insert into public.guide_steps (guide_id, position, instruction)
select guide.id, steps.position, steps.instruction from guide cross join steps
where not exists (select 1 from public.guide_steps existing where existing.guide_id = guide.id);

with guide as (select id from public.guides where slug = 'payment-failed'),
steps (position, instruction) as (values
  (1, 'Open Account > Billing > Payment methods and check the card''s expiry date and billing postcode.'),
  (2, 'Open your banking app and approve any pending security check or fraud alert for our payment.'),
  (3, 'Go to Billing > Outstanding and tap "Retry payment", keeping the app open during the bank''s check.'),
  (4, 'If it fails again, add another card, Apple Pay, Google Pay or PayPal and make it the default.'),
  (5, 'Check Payment history before paying again: if the money left your account but no payment is listed, it is a hold your bank will release.'),
  (6, 'If every method is declined, call the number on the back of your card and ask why the payment was refused.')
)
insert into public.guide_steps (guide_id, position, instruction)
select guide.id, steps.position, steps.instruction from guide cross join steps
where not exists (select 1 from public.guide_steps existing where existing.guide_id = guide.id);

-- The demo troubleshooting sessions of seed.sql (which runs before the guides exist) name their guide by title only:
-- link them, so /admin/guides shows figures for the demo data. Only sessions without a guide are touched.
update public.troubleshooting_sessions session
set guide_id = guide.id
from (values
  ('66666666-6666-4666-8666-000000000001'::uuid, 'battery-keeps-dying'),
  ('66666666-6666-4666-8666-000000000002'::uuid, 'car-wont-start'),
  ('66666666-6666-4666-8666-000000000003'::uuid, 'check-engine-light-on'),
  ('66666666-6666-4666-8666-000000000004'::uuid, 'ac-not-cold')
) as demo (session_id, guide_slug)
join public.guides guide on guide.slug = demo.guide_slug
where session.id = demo.session_id and session.guide_id is null;

-- ---------------------------------------------------------------------------------------------------------------
-- Vehicle catalogue
-- ---------------------------------------------------------------------------------------------------------------
-- The catalogue has no natural key an upsert could target, so it is filled only while empty: a re-seed never
-- duplicates it, and an admin's own rows are kept. Engine size is the displacement as shown to customers ('2.5L').
do $catalogue$
begin
  if exists (select 1 from public.vehicle_models) then
    return;
  end if;
  insert into public.vehicle_models (year, make, model, submodel, engine_size, cam_type, body, drive_type) values
    (2014, 'Toyota', 'Camry', 'LE', '2.5L', 'DOHC', 'Sedan', 'FWD'),
    (2016, 'Toyota', 'Camry', 'SE', '2.5L', 'DOHC', 'Sedan', 'FWD'),
    (2017, 'Toyota', 'Camry', 'XLE V6', '3.5L', 'DOHC', 'Sedan', 'FWD'),
    (2019, 'Toyota', 'Camry', 'Hybrid LE', '2.5L', 'DOHC', 'Sedan', 'FWD'),
    (2022, 'Toyota', 'Camry', 'XSE AWD', '2.5L', 'DOHC', 'Sedan', 'AWD'),
    (2015, 'Toyota', 'Corolla', 'S', '1.8L', 'DOHC', 'Sedan', 'FWD'),
    (2020, 'Toyota', 'Corolla', 'SE Hatchback', '2.0L', 'DOHC', 'Hatchback', 'FWD'),
    (2018, 'Toyota', 'RAV4', 'XLE', '2.5L', 'DOHC', 'SUV', 'AWD'),
    (2021, 'Toyota', 'RAV4', 'Hybrid XSE', '2.5L', 'DOHC', 'SUV', 'AWD'),
    (2019, 'Toyota', 'Tacoma', 'TRD Off-Road', '3.5L', 'DOHC', 'Pickup', '4WD'),
    (2023, 'Toyota', 'Tundra', 'Limited', '3.4L', 'DOHC', 'Pickup', '4WD'),
    (2013, 'Honda', 'Civic', 'LX', '1.8L', 'SOHC', 'Sedan', 'FWD'),
    (2018, 'Honda', 'Civic', 'EX-T', '1.5L', 'DOHC', 'Sedan', 'FWD'),
    (2022, 'Honda', 'Civic', 'Sport Hatchback', '2.0L', 'DOHC', 'Hatchback', 'FWD'),
    (2016, 'Honda', 'Accord', 'EX-L V6', '3.5L', 'SOHC', 'Sedan', 'FWD'),
    (2019, 'Honda', 'Accord', 'Sport 2.0T', '2.0L', 'DOHC', 'Sedan', 'FWD'),
    (2017, 'Honda', 'CR-V', 'EX', '1.5L', 'DOHC', 'SUV', 'AWD'),
    (2019, 'Honda', 'CR-V', 'Touring', '1.5L', 'DOHC', 'SUV', 'AWD'),
    (2020, 'Honda', 'Pilot', 'EX-L', '3.5L', 'SOHC', 'SUV', 'AWD'),
    (2018, 'Honda', 'Odyssey', 'EX', '3.5L', 'SOHC', 'Minivan', 'FWD'),
    (2015, 'Ford', 'F-150', 'XLT', '3.5L', 'DOHC', 'Pickup', '4WD'),
    (2018, 'Ford', 'F-150', 'Lariat', '5.0L', 'DOHC', 'Pickup', '4WD'),
    (2021, 'Ford', 'F-150', 'XL', '2.7L', 'DOHC', 'Pickup', 'RWD'),
    (2014, 'Ford', 'Focus', 'SE', '2.0L', 'DOHC', 'Hatchback', 'FWD'),
    (2017, 'Ford', 'Escape', 'Titanium', '2.0L', 'DOHC', 'SUV', 'AWD'),
    (2020, 'Ford', 'Explorer', 'XLT', '2.3L', 'DOHC', 'SUV', 'RWD'),
    (2016, 'Ford', 'Mustang', 'GT', '5.0L', 'DOHC', 'Coupe', 'RWD'),
    (2019, 'Ford', 'Ranger', 'Lariat', '2.3L', 'DOHC', 'Pickup', '4WD'),
    (2014, 'Chevrolet', 'Silverado 1500', 'LT', '5.3L', 'OHV', 'Pickup', '4WD'),
    (2019, 'Chevrolet', 'Silverado 1500', 'RST', '5.3L', 'OHV', 'Pickup', '4WD'),
    (2022, 'Chevrolet', 'Silverado 1500', 'High Country', '6.2L', 'OHV', 'Pickup', '4WD'),
    (2016, 'Chevrolet', 'Malibu', 'LT', '1.5L', 'DOHC', 'Sedan', 'FWD'),
    (2018, 'Chevrolet', 'Equinox', 'LT', '1.5L', 'DOHC', 'SUV', 'AWD'),
    (2017, 'Chevrolet', 'Tahoe', 'LT', '5.3L', 'OHV', 'SUV', '4WD'),
    (2020, 'Chevrolet', 'Corvette', 'Stingray', '6.2L', 'OHV', 'Coupe', 'RWD'),
    (2015, 'Nissan', 'Altima', '2.5 SV', '2.5L', 'DOHC', 'Sedan', 'FWD'),
    (2019, 'Nissan', 'Altima', 'SR AWD', '2.5L', 'DOHC', 'Sedan', 'AWD'),
    (2017, 'Nissan', 'Rogue', 'SV', '2.5L', 'DOHC', 'SUV', 'AWD'),
    (2021, 'Nissan', 'Rogue', 'SL', '2.5L', 'DOHC', 'SUV', 'AWD'),
    (2018, 'Nissan', 'Frontier', 'SV', '4.0L', 'DOHC', 'Pickup', '4WD'),
    (2013, 'Hyundai', 'Elantra', 'GLS', '1.8L', 'DOHC', 'Sedan', 'FWD'),
    (2020, 'Hyundai', 'Elantra', 'SEL', '2.0L', 'DOHC', 'Sedan', 'FWD'),
    (2017, 'Hyundai', 'Tucson', 'Sport', '1.6L', 'DOHC', 'SUV', 'AWD'),
    (2022, 'Hyundai', 'Tucson', 'Limited', '2.5L', 'DOHC', 'SUV', 'AWD'),
    (2019, 'Hyundai', 'Santa Fe', 'SEL', '2.4L', 'DOHC', 'SUV', 'FWD'),
    (2016, 'Kia', 'Sorento', 'LX', '2.4L', 'DOHC', 'SUV', 'FWD'),
    (2021, 'Kia', 'Sorento', 'EX', '2.5L', 'DOHC', 'SUV', 'AWD'),
    (2018, 'Kia', 'Sportage', 'EX', '2.4L', 'DOHC', 'SUV', 'AWD'),
    (2015, 'Kia', 'Optima', 'LX', '2.4L', 'DOHC', 'Sedan', 'FWD'),
    (2023, 'Kia', 'Telluride', 'SX', '3.8L', 'DOHC', 'SUV', 'AWD'),
    (2014, 'Subaru', 'Outback', '2.5i Premium', '2.5L', 'DOHC', 'Wagon', 'AWD'),
    (2019, 'Subaru', 'Outback', '3.6R Limited', '3.6L', 'DOHC', 'Wagon', 'AWD'),
    (2017, 'Subaru', 'Forester', '2.5i', '2.5L', 'DOHC', 'SUV', 'AWD'),
    (2021, 'Subaru', 'Crosstrek', 'Sport', '2.5L', 'DOHC', 'SUV', 'AWD'),
    (2018, 'Subaru', 'WRX', 'Premium', '2.0L', 'DOHC', 'Sedan', 'AWD'),
    (2015, 'Volkswagen', 'Golf', 'TSI S', '1.8L', 'DOHC', 'Hatchback', 'FWD'),
    (2019, 'Volkswagen', 'Jetta', 'SE', '1.4L', 'DOHC', 'Sedan', 'FWD'),
    (2018, 'Volkswagen', 'Tiguan', 'SEL 4Motion', '2.0L', 'DOHC', 'SUV', 'AWD'),
    (2021, 'Volkswagen', 'Atlas', 'SE V6', '3.6L', 'DOHC', 'SUV', 'AWD'),
    (2016, 'BMW', '3 Series', '328i', '2.0L', 'DOHC', 'Sedan', 'RWD'),
    (2020, 'BMW', '3 Series', '330i xDrive', '2.0L', 'DOHC', 'Sedan', 'AWD'),
    (2019, 'BMW', 'X5', 'xDrive40i', '3.0L', 'DOHC', 'SUV', 'AWD'),
    (2014, 'Mazda', 'Mazda3', 'i Touring', '2.0L', 'DOHC', 'Hatchback', 'FWD'),
    (2018, 'Mazda', 'CX-5', 'Grand Touring', '2.5L', 'DOHC', 'SUV', 'AWD'),
    (2023, 'Mazda', 'CX-50', 'Premium', '2.5L', 'DOHC', 'SUV', 'AWD'),
    (2017, 'Ram', '1500', 'Big Horn', '5.7L', 'OHV', 'Pickup', '4WD'),
    (2020, 'Ram', '2500', 'Tradesman Diesel', '6.7L', 'OHV', 'Pickup', '4WD'),
    (2012, 'Jeep', 'Wrangler', 'Sport', '3.6L', 'DOHC', 'SUV', '4WD'),
    (2018, 'Jeep', 'Grand Cherokee', 'Limited', '3.6L', 'DOHC', 'SUV', '4WD'),
    (2024, 'Toyota', 'Grand Highlander', 'XLE', '2.4L', 'DOHC', 'SUV', 'AWD'),
    (2024, 'Ford', 'Maverick', 'XLT Hybrid', '2.5L', 'DOHC', 'Pickup', 'FWD'),
    (2012, 'Honda', 'Ridgeline', 'RTL', '3.5L', 'SOHC', 'Pickup', '4WD');
end
$catalogue$;
