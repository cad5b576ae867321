// Builds training-data.json: the labelled ticket set the local category classifier is trained and measured on.
// Run: node_modules/.bin/deno run --allow-write=supabase/tools/triage-training supabase/tools/triage-training/build-training-data.ts
// Then retrain: node_modules/.bin/deno run --allow-read --allow-write supabase/tools/triage-training/train.ts
//
// Deterministic (seeded PRNG), so the JSON in the repo is exactly what this script writes. See PROVENANCE.md.
//
// Why composition rather than templates: a ticket is a scenario (what happened, written in several independent
// phrasings, each with its own subjects) + optional context and detail sentences + an ask + a tone (opener, closer,
// sentiment range) + surface noise (lower case, typos, text-speak). Each scenario phrasing is used only a couple of
// times, and always with different surroundings, so the held-out split (a hash of the text) is not the same
// sentence filled twice.

import { mulberry32 } from '../deterministic-random.ts';

type Category = 'billing' | 'technical' | 'feature_request';
type Urgency = 'high' | 'medium' | 'low';

interface Scenario {
  /** Customer-written subject lines; slots in {braces}. */
  subjects: string[];
  /** Independent phrasings of the problem or request itself. */
  phrasings: string[];
  urgency: Urgency;
  /** Tones this scenario is plausibly written in (defaults to the category's). */
  tones?: Tone[];
}

type Tone = 'furious' | 'angry' | 'frustrated' | 'neutral' | 'polite' | 'positive';

interface LabelledTicket {
  subject: string;
  body: string;
  category: Category;
  urgency: Urgency;
  sentiment: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------------------------
const random = mulberry32(20261123);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (probability: number): boolean => random() < probability;
const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

// ---------------------------------------------------------------------------------------------------------------
// Slots
// ---------------------------------------------------------------------------------------------------------------
const vehicles = [
  '2016 Toyota Camry', '2018 Camry', '2019 Honda CR-V', '2017 CR-V', '2014 Ford Focus', '2018 F-150', '2021 Ford F-150',
  '2015 Chevy Silverado', '2019 Silverado', '2017 Nissan Rogue', '2015 Altima', '2020 Hyundai Elantra', '2017 Tucson',
  '2016 Kia Sorento', '2018 Sportage', '2019 Subaru Outback', '2017 Forester', '2015 VW Golf', '2019 Jetta',
  '2020 BMW 330i', '2018 Mazda CX-5', '2014 Mazda3', '2013 Honda Civic', '2022 Civic', '2017 Jeep Grand Cherokee',
  '2018 Ram 1500', '2020 RAV4', '2012 Wrangler', '2019 Tacoma', '2016 Accord', 'Honda Pilot 2020', 'Ford Escape 2017',
];
const slots: Record<string, () => string> = {
  vehicle: () => pick(vehicles),
  amount: () => pick(['$89.99', '$249.00', '$412.50', '$1,180.40', '€65', '€329.90', '£142.00', '$34.99', '$19.99', '$612', '£58.20', '$2,340.75']),
  order: () => `PO-2024-${String(between(1000, 9999)).padStart(6, '0')}`,
  invoice: () => `INV-${between(20000, 99999)}`,
  ticket: () => `TCK-${String(between(100, 99999)).padStart(6, '0')}`,
  plan: () => pick(['Plus', 'Plus annual', 'Fleet', 'Plus monthly', 'care plan']),
  days: () => String(between(3, 21)),
  weekday: () => pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']),
  date: () => `${pick(['March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November'])} ${between(1, 28)}`,
  code: () => pick(['P0300', 'P0420', 'P0171', 'P0301', 'P0128', 'P0455', 'P0700', 'P0442', 'P0133']),
  miles: () => pick(['42,000', '87k', '118,000', '63,500', '150k', '29,000', '96,000', '71k']),
  workshop: () => pick(['the Northside workshop', 'your Main Street shop', 'the Riverside location', 'the airport branch', 'the downtown service center', 'your Eastgate garage']),
  phone: () => pick(['iPhone 13', 'Pixel 7', 'Samsung S22', 'iPhone 11', 'OnePlus 9', 'iPad', 'old Android phone']),
  version: () => `${between(3, 5)}.${between(0, 12)}.${between(0, 4)}`,
  count: () => String(between(2, 6)),
  fleet: () => String(between(4, 40)),
};
function fill(text: string): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const slot = slots[name];
    if (!slot) throw new Error(`unknown slot {${name}}`);
    return slot();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Tone: openers, closers, sentiment ranges
// ---------------------------------------------------------------------------------------------------------------
const tones: Record<Tone, { sentiment: [number, number]; openers: string[]; closers: string[] }> = {
  furious: {
    sentiment: [1, 2],
    openers: ['This is absolutely unacceptable.', 'I am beyond angry right now.', 'Honestly the worst experience I have had with any company.', 'I have had it with you people.', 'WHAT IS GOING ON.', 'Unbelievable.', 'I am disgusted.'],
    closers: ['Fix this today or I am going to my bank and leaving a review everywhere.', 'If I do not hear back in 24 hours I will file a complaint.', 'Never again.', 'I want a manager to call me.', 'Do not send me another canned reply.', 'Sort it out NOW.'],
  },
  angry: {
    sentiment: [2, 3],
    openers: ['Really not happy about this.', 'I am very annoyed.', 'Second time I am writing about this.', 'This is ridiculous.', 'Not impressed at all.', 'I expected better from you.'],
    closers: ['I expect this fixed quickly.', 'Please actually read this and respond.', 'Very disappointed.', 'Someone needs to take responsibility here.', 'Waiting for an answer.'],
  },
  frustrated: {
    sentiment: [3, 4],
    openers: ['Hi, a bit frustrated here.', 'Hello,', 'Not sure what is going on here.', 'Hi there, this has been a pain.', 'Ugh.', 'Hey,', 'Good morning,'],
    closers: ['Can someone help please?', 'Would appreciate a quick reply.', 'Thanks I guess.', 'Let me know what to do.', 'Hoping this gets sorted soon.', 'Please help.'],
  },
  neutral: {
    sentiment: [5, 6],
    openers: ['Hi,', 'Hello,', 'Hi team,', '', '', 'Good afternoon,', 'To whom it may concern,', 'Hey,'],
    closers: ['Thanks.', 'Regards', 'Thank you.', '', '', 'Cheers', 'Thanks in advance.', 'Best,'],
  },
  polite: {
    sentiment: [6, 7],
    openers: ['Hello, hope you are well.', 'Hi, thanks for your help in advance.', 'Good morning team,', 'Dear support,', 'Hi there, quick one for you.'],
    closers: ['Many thanks for your help!', 'Thank you very much.', 'Appreciate it.', 'Kind regards.', 'Thanks so much, have a good day.'],
  },
  positive: {
    sentiment: [8, 9],
    openers: ['Love the app so far!', 'Big fan of your service.', 'Great job on the latest update.', 'Your team fixed my car last month and it was brilliant.', 'Really enjoying the new booking flow.', 'Happy customer here.'],
    closers: ['Keep up the great work!', 'Thanks, you guys are great.', 'Would make the app perfect for me.', 'Cheers, love what you are building.', 'Thanks for listening to customers!'],
  },
};
const categoryTones: Record<Category, Tone[]> = {
  billing: ['furious', 'angry', 'angry', 'frustrated', 'frustrated', 'neutral', 'neutral', 'polite'],
  technical: ['furious', 'angry', 'frustrated', 'frustrated', 'neutral', 'neutral', 'polite', 'polite'],
  feature_request: ['frustrated', 'neutral', 'neutral', 'polite', 'polite', 'positive', 'positive', 'positive'],
};

// ---------------------------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------------------------
const billing: Scenario[] = [
  { urgency: 'high', subjects: ['Charged twice!!', 'Double charge on my card', 'duplicate payment {amount}', 'You took my money twice'], phrasings: [
    'I was charged {amount} two times for the same oil change at {workshop}. Both show as completed on my bank statement, not pending.',
    'my card got billed twice for order {order}, same amount {amount}, same day. I only placed one order',
    'Just checked my banking app and there are two identical payments of {amount} to you from {weekday}. Please refund one of them.',
  ] },
  { urgency: 'high', subjects: ['Charged after cancelling', 'Still being billed after I cancelled', 'cancelled subscription but charged'], phrasings: [
    'I cancelled my {plan} on {date} and got the confirmation email, yet today you charged me {amount} again.',
    'why am I still paying for the subscription?? I cancelled it weeks ago and another {amount} came out this morning',
    'Cancelled the plan before the renewal date, have the email to prove it, but the renewal fee of {amount} was taken anyway.',
  ] },
  { urgency: 'medium', subjects: ['Where is my refund?', 'Refund not received', 'refund still missing after {days} days', 'Refund status'], phrasings: [
    'You approved a refund of {amount} for a returned part {days} days ago and it has still not reached my account.',
    'the app says refunded but my bank has nothing. its been {days} days. where is my money',
    'I returned the brake pads from order {order} and got an email saying the refund was issued, but I cannot see it anywhere.',
  ] },
  { urgency: 'medium', subjects: ['Invoice request', 'Need a copy of my invoice', 'cant find invoice', 'invoice for expenses'], phrasings: [
    'Could you send me the invoice for the timing belt job on my {vehicle}? I need it for my expense claim.',
    'I cannot find the invoice for my last service in the app, the billing section is empty for that visit',
    'Please email a PDF invoice for {invoice}. The download button gives me a blank page.',
  ], tones: ['neutral', 'polite', 'frustrated'] },
  { urgency: 'medium', subjects: ['VAT number missing on invoice', 'Company details on invoice', 'need tax invoice', 'Invoice needs our VAT ID'], phrasings: [
    'Our accounts team needs the company name and VAT number on invoice {invoice}. Can you reissue it?',
    'The invoices for our {fleet} fleet vehicles are made out to my personal name instead of the company. We cannot reclaim the tax like this.',
    'need a proper tax invoice with our VAT registration, the receipt email is not enough for our bookkeeper',
  ], tones: ['neutral', 'polite', 'frustrated'] },
  { urgency: 'medium', subjects: ['Payment keeps failing', 'card declined', 'Cannot pay my bill', 'payment error at checkout'], phrasings: [
    'Every time I try to pay the {amount} balance the app says payment failed, but my card works everywhere else.',
    'card declined again when paying for the repair, bank says they see no attempt from you',
    'I have tried three cards to pay for my {plan} and each one is rejected with "payment could not be processed".',
  ] },
  { urgency: 'low', subjects: ['Update card details', 'New credit card', 'change payment method', 'expired card'], phrasings: [
    'My bank sent me a new card, how do I change the one on file so my {plan} renewal does not fail?',
    'I want to switch the payment method from my personal card to the company card.',
    'my card expires at the end of the month, where do i update it',
  ], tones: ['neutral', 'polite'] },
  { urgency: 'medium', subjects: ['Price higher than quote', 'Bill does not match estimate', 'overcharged for brake job', 'why was I charged more'], phrasings: [
    'The quote in the app for front brakes was {amount} but I paid a lot more at collection and nobody asked me to approve extra work.',
    'I was quoted one price for the AC service and charged almost double. The invoice lists labour I never agreed to.',
    'final bill for my {vehicle} is way above the estimate. I want the difference explained or refunded',
  ] },
  { urgency: 'low', subjects: ['Plan comparison question', 'Which plan should I pick', 'Plus vs Fleet', 'question about pricing'], phrasings: [
    'What is the difference in price between the monthly and annual {plan}? Does annual include the oil service?',
    'I have {count} cars in the family, is it cheaper to put them all on one plan or separate plans?',
    'Does the Plus plan include roadside assistance or is that extra? The pricing page is not clear.',
  ], tones: ['neutral', 'polite', 'positive'] },
  { urgency: 'low', subjects: ['Cancel my plan', 'How do I cancel', 'cancel subscription please', 'Stop my membership'], phrasings: [
    'Please cancel my {plan} at the end of this billing period, I sold my car.',
    'how do i cancel the subscription, cant find the button anywhere in the app',
    'I would like to end my membership. Will I get anything back for the months left on my annual plan?',
  ] },
  { urgency: 'high', subjects: ['Unauthorized charge', 'I did not make this payment', 'Fraudulent charge from you', 'unknown charge {amount}'], phrasings: [
    'There is a charge of {amount} from your company on my statement and I have never booked anything with you.',
    'someone used my card on your site, I see a parts order {order} that I did not place. I have already frozen the card',
    'My account shows a payment for a service at {workshop} that I never visited. I think my account was used without permission.',
  ] },
  { urgency: 'medium', subjects: ['Deposit not returned', 'Booking deposit refund', 'cancelled appointment, kept deposit'], phrasings: [
    'I cancelled my appointment three days in advance but the deposit of {amount} was not refunded.',
    'you kept my deposit even though the workshop cancelled the booking, not me',
    'The booking for my {vehicle} was moved by you twice and then cancelled. I still have not seen my deposit back.',
  ] },
  { urgency: 'low', subjects: ['Receipt email', 'No receipt received', 'send receipt again'], phrasings: [
    'I paid for the tyre change but never got a receipt by email. Could you resend it?',
    'need the receipt for {invoice} resent to my work address please',
    'The payment went through fine yesterday but the receipt never arrived in my inbox or spam.',
  ], tones: ['neutral', 'polite'] },
  { urgency: 'medium', subjects: ['Trial charged early', 'Free trial charged me', 'charged during free trial'], phrasings: [
    'I started the 30-day free trial of {plan} on {date} and was charged {amount} after just a week.',
    'you said the trial was free but my card was billed straight away. I want that reversed.',
    'Got billed for Plus while still in the trial period, I was going to cancel before it ended.',
  ] },
  { urgency: 'medium', subjects: ['Wrong amount on my statement', 'Billing discrepancy', 'charge does not match invoice'], phrasings: [
    'Invoice {invoice} says {amount} but my bank shows a different amount from you on the same day.',
    'the total on my receipt and the amount taken from my account dont match, please check',
    'I think you applied the wrong tax rate to my parts order {order}, the total is higher than the checkout page showed.',
  ] },
  { urgency: 'high', subjects: ['Bank fees because of your error', 'Overdrawn because of your double charge', 'overdraft fee'], phrasings: [
    'Your duplicate charge put my account into overdraft and the bank charged me fees. I need the payment and the fees refunded urgently.',
    'because you charged me twice my rent payment bounced. this needs fixing today',
  ] },
  { urgency: 'low', subjects: ['Discount code not applied', 'Promo code', 'voucher did not work'], phrasings: [
    'I entered the promo code from your email at checkout but the total did not change. Can you apply the discount to order {order}?',
    'the 10% member discount was not applied to my brake pads purchase even though I have {plan}',
    'My gift voucher was not accepted when paying for the service, it says invalid but it has not expired.',
  ] },
  { urgency: 'medium', subjects: ['Fleet invoice wrong', 'Monthly fleet invoice problem', 'Fleet billing'], phrasings: [
    'Our monthly fleet invoice lists {count} vehicles that we removed from the account last month and we were billed for them.',
    'the fleet invoice is missing purchase order numbers again, our finance team will reject it',
    'We are being charged the Plus price for vehicles that should be on the Fleet plan.',
  ], tones: ['neutral', 'frustrated', 'angry'] },
  { urgency: 'low', subjects: ['Payment plan for repair', 'Can I pay in installments', 'finance options'], phrasings: [
    'The transmission repair quote for my {vehicle} is {amount}. Is it possible to pay in instalments?',
    'do you accept paying the repair bill in two parts? cant do it all at once this month',
  ], tones: ['neutral', 'polite', 'frustrated'] },
  { urgency: 'medium', subjects: ['Warranty repair charged', 'Charged for warranty work', 'should be free under warranty'], phrasings: [
    'The alternator you replaced failed after {days} days and the warranty repair was still charged to my card.',
    'I was billed {amount} for fixing a part that is still under your 24 month warranty. Please refund.',
  ] },
  { urgency: 'low', subjects: ['Currency question', 'Charged in wrong currency', 'foreign transaction fee'], phrasings: [
    'My card statement shows the charge in euros and my bank added a foreign transaction fee. I am in the UK, why is that?',
    'why is the price in dollars when I selected my country as Canada at checkout',
  ], tones: ['neutral', 'frustrated'] },
  { urgency: 'medium', subjects: ['Refund amount wrong', 'partial refund only', 'refund too small'], phrasings: [
    'I returned the whole order but was only refunded part of it, {amount} is missing.',
    'you refunded the part but not the shipping which I paid because you sent the wrong item',
  ] },
  { urgency: 'low', subjects: ['Change billing address', 'Update billing email', 'billing contact'], phrasings: [
    'Please change the billing email on our account so invoices go to our accounts department.',
    'I moved house, how do I update the billing address on my account and invoices?',
  ], tones: ['neutral', 'polite'] },
  { urgency: 'high', subjects: ['Charged {count} times', 'Multiple charges', 'app charged me repeatedly'], phrasings: [
    'The app froze on the payment screen and when I checked, I had been charged {count} times for the same booking.',
    'pressed pay once, got {count} charges of {amount}. my account is nearly empty now, please refund asap',
  ] },
];

const technical: Scenario[] = [
  { urgency: 'high', subjects: ['Car won\'t start', 'car will not start after rain', 'No start this morning', 'engine cranks but wont fire'], phrasings: [
    'My {vehicle} cranks but will not start since the heavy rain last night. Battery seems fine, lights all come on.',
    'car wont start. turns over and over but never catches. I need it for work tomorrow',
    'After a car wash my {vehicle} refuses to start, it just cranks. It is stuck in my driveway.',
  ] },
  { urgency: 'medium', subjects: ['Battery dies overnight', 'Battery flat again', 'need jump start every morning'], phrasings: [
    'The battery on my {vehicle} is dead every morning even though it was replaced last year. I have had to jump it {count} times this week.',
    'battery keeps draining when the car sits for a day or two, no lights left on that I can see',
    'My car needs a jump start almost daily now. Is it the alternator or something draining it?',
  ] },
  { urgency: 'medium', subjects: ['Check engine light', 'Engine light came on', 'CEL on with code {code}', 'warning light on dash'], phrasings: [
    'The check engine light came on in my {vehicle} yesterday. A parts store scanned it and said {code}. The car drives fine.',
    'engine light just came on, steady not flashing, code {code}. is it safe to drive to work?',
    'Got a {code} code at {miles} miles. What does it mean and do I need to book a diagnostic?',
  ] },
  { urgency: 'high', subjects: ['Flashing engine light', 'Engine shaking badly', 'check engine light flashing and car shaking'], phrasings: [
    'The check engine light is flashing and the car is shaking a lot when I accelerate. I pulled over on the highway.',
    'my {vehicle} is misfiring, light flashing, smells like fuel. I am scared to keep driving it',
  ] },
  { urgency: 'high', subjects: ['Brakes grinding', 'Brake noise after your service', 'grinding when I brake', 'brakes feel wrong'], phrasings: [
    'There is a loud metal grinding noise from the front left wheel every time I brake. It started this week.',
    'brakes squeal constantly since you replaced the pads at {workshop} {days} days ago',
    'The brake pedal feels soft and goes almost to the floor on my {vehicle}. I have a long drive this weekend.',
  ] },
  { urgency: 'high', subjects: ['Engine overheating', 'Temp gauge in the red', 'steam from engine', 'overheating in traffic'], phrasings: [
    'The temperature gauge on my {vehicle} went into the red in traffic and I saw steam from the bonnet. I switched it off.',
    'car overheated on the motorway, coolant warning came on. I topped it up but it is losing coolant fast',
    'overheats every time I sit in traffic for more than ten minutes, fine when moving',
  ] },
  { urgency: 'medium', subjects: ['AC blowing warm', 'Air con not cold', 'AC stopped working', 'no cold air'], phrasings: [
    'The air conditioning in my {vehicle} only blows warm air now. It was recharged at {workshop} two months ago.',
    'ac is cold on the drivers side but warm on the passenger side, kids are melting in the back',
    'A/C works on the highway but blows warm in city traffic. It is 35 degrees here.',
  ] },
  { urgency: 'low', subjects: ['TPMS light', 'Tyre pressure warning', 'tire light keeps coming on'], phrasings: [
    'The tyre pressure light comes on every cold morning and goes off later. The pressures look fine to me.',
    'TPMS light flashing since you fitted my winter tyres. Is a sensor missing?',
    'tire pressure warning on, I pumped all four tires to the door sticker value but it is still on',
  ] },
  { urgency: 'medium', subjects: ['Rough idle', 'Car shaking at stop lights', 'engine idle unstable'], phrasings: [
    'My {vehicle} shakes at red lights and the revs go up and down. It is worse with the AC on.',
    'idle is really rough since last week, almost stalled twice at a junction',
    'The engine vibrates at idle and there is a hissing sound under the hood.',
  ] },
  { urgency: 'high', subjects: ['Transmission slipping', 'Gearbox problem', 'car not shifting properly', 'transmission jerking'], phrasings: [
    'The transmission on my {vehicle} slips between 2nd and 3rd, the revs flare and the car does not accelerate.',
    'car jerks hard when shifting and sometimes wont go into reverse. {miles} miles on it',
    'Delayed engagement when I put it in drive, takes {count} seconds before it moves. Smells burnt after long drives.',
  ] },
  { urgency: 'low', subjects: ['Headlight foggy inside', 'Water in headlight', 'condensation in lamp'], phrasings: [
    'There is water sitting inside the left headlight of my {vehicle}. Is this covered?',
    'headlight fogs up inside after every wash and doesnt clear for days',
  ], tones: ['neutral', 'polite', 'frustrated'] },
  { urgency: 'medium', subjects: ['Key not detected', 'key fob stopped working', 'Push start not working', 'remote wont unlock'], phrasings: [
    'My car says key not detected and will not start. I replaced the fob battery already.',
    'key fob doesnt unlock the doors anymore, had to use the metal key. spare works fine',
    'The push button start on my {vehicle} does nothing unless I hold the key right against it.',
  ] },
  { urgency: 'medium', subjects: ['Car pulls to the right', 'Steering wheel off centre', 'alignment issue after service'], phrasings: [
    'Since you fitted new tyres my {vehicle} pulls to the right and the steering wheel is crooked.',
    'car drifts left on straight roads and the front tyres are wearing on the inside edge',
  ] },
  { urgency: 'medium', subjects: ['Humming noise when driving', 'Noise at speed', 'clicking noise when turning'], phrasings: [
    'A humming noise starts around 40 mph and gets louder with speed. It changes when I turn left.',
    'clicking from the front wheel when I turn sharply in parking lots',
    'There is a growling sound from the rear of my {vehicle} on the highway that was not there before the service.',
  ] },
  { urgency: 'high', subjects: ['Oil leak after oil change', 'Oil everywhere after service', 'oil light came on'], phrasings: [
    'After my oil change at {workshop} there is oil dripping under the car and the oil warning light came on.',
    'red oil can light came on on the motorway right after your service. I stopped the engine. did they forget to tighten something?',
  ] },
  { urgency: 'low', subjects: ['Oil level rising', 'Oil smells like fuel', 'oil over max'], phrasings: [
    'The oil on my {vehicle} is above the max mark and smells like gasoline. Nobody topped it up.',
    'oil level keeps going up in winter on my 1.5 turbo, is that the fuel dilution thing?',
  ], tones: ['neutral', 'frustrated', 'polite'] },
  { urgency: 'high', subjects: ['App crashes on launch', 'App keeps crashing', 'app wont open after update'], phrasings: [
    'Since updating to version {version} the app crashes immediately when I open it on my {phone}.',
    'app closes itself the second I tap my vehicles. reinstalled twice, same thing',
    'The app shows a white screen and then quits. I cannot see my booking for tomorrow.',
  ] },
  { urgency: 'medium', subjects: ['Cannot log in', 'Login not working', 'invalid login credentials', 'locked out of account'], phrasings: [
    'I cannot log in to the app, it says invalid login credentials although I just reset my password.',
    'locked out of my account, password reset email never arrives',
    'Signing in with Google just loops back to the login screen on my {phone}.',
  ] },
  { urgency: 'medium', subjects: ['2FA code not working', 'Authenticator codes rejected', 'lost phone with 2FA'], phrasings: [
    'The six digit codes from my authenticator app are rejected every time.',
    'I got a new phone and lost my 2FA codes, now I cannot get into my account',
  ] },
  { urgency: 'medium', subjects: ['Booking page error', 'Cannot book appointment', 'booking fails', 'no slots showing'], phrasings: [
    'When I try to book a service the app shows "something went wrong" on the last step and nothing is booked.',
    'booking screen keeps spinning and never loads available slots for {workshop}',
    'The calendar shows no available times at any workshop for the next month, which cannot be right.',
  ] },
  { urgency: 'low', subjects: ['Notifications not arriving', 'No reminder received', 'push notifications stopped'], phrasings: [
    'I stopped getting push notifications about my repairs. Notifications are allowed in my phone settings.',
    'never got the reminder text for my appointment and missed it',
    'The app did not tell me my car was ready, I only found out when I called.',
  ] },
  { urgency: 'medium', subjects: ['Wrong part delivered', 'Part does not fit', 'parts order wrong item'], phrasings: [
    'The brake discs from order {order} do not fit my {vehicle}, the diameter is wrong even though the site said they fit.',
    'you sent the wrong air filter, the app said it was a match for my VIN',
  ] },
  { urgency: 'medium', subjects: ['VIN not recognised', 'Cannot add my car', 'add vehicle error'], phrasings: [
    'The app says my VIN is invalid when I try to add my {vehicle}. I typed it from the registration document.',
    'scanning the VIN barcode does nothing, and typing it says vehicle already registered to another account',
  ] },
  { urgency: 'low', subjects: ['Service history missing', 'History not showing', 'old services gone from app'], phrasings: [
    'My service history for the {vehicle} only shows the last visit, the older ones have disappeared.',
    'the app lost all my past services after I changed phones',
  ], tones: ['neutral', 'frustrated'] },
  { urgency: 'high', subjects: ['Website down', 'Portal not loading', 'error 500 on website', 'nothing works'], phrasings: [
    'The customer portal has been showing an error page for the last hour. I cannot see anything.',
    'site is down?? every page gives a 500 error and the app says no connection',
  ] },
  { urgency: 'medium', subjects: ['Live tracking stuck', 'Repair status not updating', 'status stuck on in progress'], phrasings: [
    'The repair status for my car has said "checked in" for two days even though the workshop says it is finished.',
    'live progress in the app never moves past waiting for approval, but there is nothing for me to approve',
  ] },
  { urgency: 'medium', subjects: ['Recall page error', 'Recall check not working', 'cant see recalls'], phrasings: [
    'The Recalls and bulletins page for my {vehicle} just spins forever.',
    'I received a recall letter but the app says no open recalls for my VIN',
  ] },
  { urgency: 'low', subjects: ['Invoice PDF blank', 'download button broken', 'PDF will not open'], phrasings: [
    'When I press download PDF on my invoices in the app, I get an empty file that will not open.',
    'the invoice export opens a blank page in Safari',
  ], tones: ['neutral', 'frustrated'] },
  { urgency: 'high', subjects: ['Fuel smell in cabin', 'Smell of petrol', 'burning smell after repair'], phrasings: [
    'Strong fuel smell inside my {vehicle} since the fuel pump was replaced at {workshop}. Is it safe?',
    'burning smell and some smoke from the engine bay after you changed the oil yesterday',
  ] },
  { urgency: 'medium', subjects: ['Chat not responding', 'Assistant gives error', 'support chat broken'], phrasings: [
    'The chat in the app just says "something went wrong" whenever I send a message.',
    'assistant keeps answering about a different car than the one I selected',
  ] },
];

const featureRequests: Scenario[] = [
  { urgency: 'low', subjects: ['Feature request: dark mode', 'Dark mode please', 'Suggestion - dark theme'], phrasings: [
    'Would love a dark mode in the app, it is really bright when I check my car at night.',
    'please add a dark theme, the white screens are blinding',
    'Any plans for dark mode? Most apps I use have it now.',
  ] },
  { urgency: 'low', subjects: ['Apple CarPlay support', 'Android Auto integration?', 'CarPlay app idea'], phrasings: [
    'It would be great if the app worked with Apple CarPlay so I could see service reminders on my dash.',
    'Any chance of an Android Auto version? Would be handy to book a service from the car.',
  ] },
  { urgency: 'low', subjects: ['Calendar sync', 'Add appointment to calendar', 'Google Calendar integration'], phrasings: [
    'Could you add a button to put my service appointment straight into my Google or Outlook calendar?',
    'suggestion: sync bookings with my iPhone calendar automatically',
    'It would help if the booking confirmation included a calendar invite.',
  ] },
  { urgency: 'low', subjects: ['Export service history', 'CSV export idea', 'Download history as PDF'], phrasings: [
    'I would like to export my full service history as a PDF when I sell my {vehicle}. Buyers always ask for it.',
    'Please add a CSV export of all invoices and services for our fleet, our finance team would love it.',
    'can we get a one-click service history report to share with a buyer?',
  ] },
  { urgency: 'low', subjects: ['Saturday appointments', 'Weekend opening hours', 'Evening slots please'], phrasings: [
    'Please consider offering Saturday appointments at {workshop}. I work weekdays and cannot drop the car off.',
    'it would be amazing to have evening slots after 6pm for people who work 9 to 5',
  ] },
  { urgency: 'low', subjects: ['Apple Pay option', 'Add PayPal', 'More payment options'], phrasings: [
    'Could you add Apple Pay at checkout? Typing my card in every time is a hassle.',
    'would be nice to pay with PayPal or Klarna for bigger repairs',
    'Suggestion: let me split a repair bill between two cards.',
  ] },
  { urgency: 'low', subjects: ['Multiple drivers on one account', 'Family sharing', 'Share car with partner'], phrasings: [
    'My partner also drives our {vehicle}. It would be great if we could both see and book services for it from our own logins.',
    'please add family sharing so my son can see the car reminders without using my account',
  ] },
  { urgency: 'low', subjects: ['Maintenance reminders by mileage', 'Smarter reminders', 'Reminder idea'], phrasings: [
    'The reminders are date based only. Could they use the mileage I enter so I get told at the right time?',
    'feature idea: remind me when tyre rotation is due based on my mileage, not just the oil change',
    'Please let me set my own reminder for things like wiper blades and the cabin filter.',
  ] },
  { urgency: 'low', subjects: ['Photo upload in chat', 'Send video to technician', 'attach photos to ticket'], phrasings: [
    'It would be really helpful to send a short video of the noise my car makes directly in the support chat.',
    'can you let us attach more than one photo when describing a problem? one is never enough',
  ] },
  { urgency: 'low', subjects: ['Price estimates upfront', 'Show labour rates', 'Cost estimator idea'], phrasings: [
    'Could the app show an estimated price range for common repairs before I book, like brake pads for a {vehicle}?',
    'suggestion: show the hourly labour rate of each workshop on the map',
  ] },
  { urgency: 'low', subjects: ['EV support', 'Electric car features', 'Hybrid battery health'], phrasings: [
    'Are you planning to support electric vehicles in the app? I would like to see charging history and battery health.',
    'please add EV servicing options, there is nothing for my electric car in the booking menu',
  ] },
  { urgency: 'low', subjects: ['Fleet dashboard idea', 'Fleet feature request', 'Fleet: driver roles'], phrasings: [
    'For our {fleet} vehicles we need a dashboard showing which vans are due for service this month.',
    'feature request for fleet accounts: let drivers report problems without seeing billing',
    'It would save us hours if fleet managers could approve extra repair work for all vehicles in one place.',
  ], tones: ['neutral', 'polite', 'frustrated'] },
  { urgency: 'low', subjects: ['Language options', 'Spanish version of the app?', 'Translate the app'], phrasings: [
    'My parents would use the app if it was available in Spanish. Any plans for other languages?',
    'please add French language support, not everyone in our team reads English well',
  ] },
  { urgency: 'low', subjects: ['Widget for home screen', 'iOS widget idea', 'home screen widget'], phrasings: [
    'A home screen widget showing my next appointment and repair progress would be brilliant.',
    'would love an android widget with the status of my car when it is in the shop',
  ] },
  { urgency: 'low', subjects: ['Loyalty program suggestion', 'Reward loyal customers', 'points for services'], phrasings: [
    'I have serviced {count} cars with you over the years. A loyalty points scheme would be a nice thank you.',
    'suggestion: give a discount after every fifth service',
  ] },
  { urgency: 'low', subjects: ['Pickup and delivery service', 'Valet collection idea', 'Collect my car from work'], phrasings: [
    'Would you consider a pick-up and drop-off option where someone collects the car from my office?',
    'feature idea - let me book a collection from home when I book the service',
  ] },
  { urgency: 'low', subjects: ['Wishlist for parts', 'Save parts for later', 'Parts price alerts'], phrasings: [
    'Could you add a wishlist in the parts shop so I can save things for later?',
    'price drop alerts on parts would be handy, I am waiting for brake kits to be on offer',
  ] },
  { urgency: 'low', subjects: ['Compare tyres side by side', 'Tyre comparison feature'], phrasings: [
    'When choosing new tyres it would help to compare two or three models side by side in the app.',
    'please add filters for noise rating and wet grip in the tyre search',
  ] },
  { urgency: 'low', subjects: ['Chat with my technician', 'Direct message the mechanic', 'talk to technician in app'], phrasings: [
    'It would be great to message the technician working on my car directly instead of calling the front desk.',
    'could the app let me reply to the technician\'s photos with questions?',
  ] },
  { urgency: 'low', subjects: ['Fuel log feature', 'Track fuel economy', 'mpg tracking idea'], phrasings: [
    'Would love a simple fuel log in the app to track mpg over time.',
    'please add a way to record fill-ups and see fuel economy trends for my {vehicle}',
  ] },
  { urgency: 'low', subjects: ['Accessibility improvements', 'Bigger text option', 'screen reader support'], phrasings: [
    'The booking buttons are hard to read with large text enabled. Please improve support for accessibility settings.',
    'my screen reader skips the appointment times, would be good to fix this for blind users',
  ], tones: ['neutral', 'polite', 'frustrated'] },
  { urgency: 'medium', subjects: ['Need API access for fleet', 'Integration with our fleet software', 'API request'], phrasings: [
    'We manage {fleet} vehicles in our own fleet software. Do you offer an API so bookings and invoices sync automatically? We are deciding on a supplier this month.',
    'is there an API or webhook for work order status? our dispatch system needs it before we sign the fleet contract',
  ], tones: ['neutral', 'polite'] },
  { urgency: 'low', subjects: ['Reminder for MOT / inspection', 'Inspection due date reminder'], phrasings: [
    'Could the app remind me when the annual safety inspection is due, not just the service?',
    'feature request: track registration and inspection expiry dates for each vehicle',
  ] },
  { urgency: 'low', subjects: ['Recall alerts by email', 'Notify me about bulletins'], phrasings: [
    'I would like to subscribe to technical service bulletins for my {vehicle}, not only recalls.',
    'option to get recall alerts by email as well as push would be nice',
  ] },
  { urgency: 'low', subjects: ['Rate my technician', 'Leave feedback in app', 'Review system idea'], phrasings: [
    'Please add a way to rate the service and leave a comment for the technician after each visit.',
    'i would like to leave a tip or thank you note for the mechanic through the app',
  ] },
  { urgency: 'low', subjects: ['Waiting room wifi booking', 'Courtesy car booking in app', 'book loan car'], phrasings: [
    'It would be really useful to reserve a courtesy car in the app when booking, instead of phoning.',
    'can you show if a loan car is available for the slot I pick?',
  ] },
];

// ---------------------------------------------------------------------------------------------------------------
// Surroundings: context, urgency escalators and asks per category
// ---------------------------------------------------------------------------------------------------------------
const context: Record<Category, string[]> = {
  billing: [
    'I have been a customer for {count} years.', 'The booking reference is {ticket}.', 'Order number {order}.', 'This was on {date}.',
    'I paid with the card on my account.', 'I have attached a screenshot of my bank statement.', 'My account email is the one I am writing from.',
    'The invoice number is {invoice}.', 'I already spoke to someone at {workshop} and they told me to write here.', 'It is for my {vehicle}.',
    'I am on the {plan}.', 'This is the second month in a row.', 'My husband booked it but the account is mine.', 'We are a small business.',
  ],
  technical: [
    'It has {miles} miles on it.', 'It was serviced at {workshop} last month.', 'It started on {weekday} morning.',
    'I am on app version {version} on a {phone}.', 'No other warning lights are on.', 'My VIN is saved in my profile.',
    'The car is a {vehicle}.', 'It happens mostly when the engine is cold.', 'I already tried restarting everything.',
    'My previous ticket was {ticket}.', 'It only started after the last update.', 'Nothing was changed on the car recently.',
    'It happens about once a day.', 'I looked at the help articles but they did not cover this.',
  ],
  feature_request: [
    'I use the app every few weeks for my {vehicle}.', 'We have {fleet} vehicles on your Fleet plan.', 'A competitor app I used before had this.',
    'Not urgent, just an idea.', 'I think a lot of customers would use it.', 'I have been using the app since it launched.',
    'I mentioned this to the staff at {workshop} and they suggested writing in.', 'This would make life much easier for me.',
    'My whole family uses the app now.', 'I drive a {vehicle} for work.',
  ],
};
const escalators: Record<Category, string[]> = {
  billing: ['My rent is due on {weekday} and I need that money back.', 'This has left me unable to pay my bills this week.', 'I will dispute it with my bank tomorrow if this is not resolved.'],
  technical: ['I need the car for work first thing tomorrow.', 'I have a long trip with my kids on {weekday}.', 'I am stranded at the side of the road right now.', 'This feels dangerous to drive.'],
  feature_request: ['We need to decide on a supplier by {weekday}, so an answer soon would help.', 'Our contract renewal is next month and this would decide it.'],
};
const asks: Record<Category, string[]> = {
  billing: ['Please refund the extra charge.', 'Can you look into this?', 'What are my options?', 'Please confirm once it is sorted.', 'I want my money back.', 'Can someone explain the charge?', 'How long will this take?', 'Please fix it.'],
  technical: ['What should I do?', 'Can I book someone to look at it?', 'Is it safe to drive?', 'Please advise.', 'Can a technician call me?', 'Any idea what it could be?', 'How do I fix this?', 'Help!'],
  feature_request: ['Is this on the roadmap?', 'Would you consider it?', 'Happy to test a beta.', 'Any chance?', 'Just a suggestion.', 'Let me know if it is planned.', 'Thanks for considering it.'],
};
const vagueSubjects = ['Help', 'Question', 'Issue', 'Problem', 'Hi', 'Support request', 'Urgent', 'Quick question', '(no subject)', 'Re: your email', 'Feedback', 'account'];

// ---------------------------------------------------------------------------------------------------------------
// Surface noise, as real customers type
// ---------------------------------------------------------------------------------------------------------------
function typo(word: string): string {
  if (word.length < 5 || !/^[a-z]+$/i.test(word)) return word;
  const index = between(1, word.length - 3);
  return chance(0.5)
    ? word.slice(0, index) + word[index + 1] + word[index] + word.slice(index + 2) // swapped letters
    : word.slice(0, index) + word.slice(index + 1); // dropped letter
}
function addNoise(text: string): string {
  let noisy = text;
  if (chance(0.22)) noisy = noisy.split(' ').map((word) => (chance(0.07) ? typo(word) : word)).join(' ');
  if (chance(0.1)) {
    noisy = noisy.replace(/\byou\b/g, 'u').replace(/\bplease\b/gi, 'pls').replace(/\bbecause\b/g, 'bc').replace(/\bthanks\b/gi, 'thx');
  }
  if (chance(0.18)) noisy = noisy.toLowerCase();
  if (chance(0.12)) noisy = noisy.replace(/[.!]$/, '');
  return noisy;
}

// ---------------------------------------------------------------------------------------------------------------
// One-off tickets, each written once by hand and used exactly once: no template behind them, so they are the part
// of the set that measures how the classifier does on wording it has never seen the like of.
// ---------------------------------------------------------------------------------------------------------------
export const oneOffTickets: LabelledTicket[] = [
  { subject: 'statement confusion', body: 'Two lines from you on my credit card this month, one says pending. Is the pending one going to drop off or am I paying for the wheel alignment twice?', category: 'billing', urgency: 'medium', sentiment: 4 },
  { subject: 'Money taken but booking not confirmed', body: 'The booking screen timed out, I never got a confirmation, but £95 left my account. Do I have an appointment or not? If not I want it back.', category: 'billing', urgency: 'high', sentiment: 3 },
  { subject: 'annual renewal surprise', body: 'Didn\'t realise the plan renewed automatically for another year. I barely used it. Can I get a prorated refund?', category: 'billing', urgency: 'low', sentiment: 4 },
  { subject: 'quote vs final price', body: 'The guy at the counter said the parts were more expensive than the app quote because of a supplier price change. Nobody mentioned this before the work. Not ok.', category: 'billing', urgency: 'medium', sentiment: 3 },
  { subject: 'receipt for insurance', body: 'My insurer needs an itemised bill for the windscreen sensor recalibration, with labour and parts separate. The one I got is just a total.', category: 'billing', urgency: 'low', sentiment: 6 },
  { subject: 'student discount?', body: 'Is there any discount for students on the monthly membership fee? It is a bit steep for me right now.', category: 'billing', urgency: 'low', sentiment: 6 },
  { subject: 'credit note', body: 'Our accountant says the credit note you sent does not reference the original invoice number so she cannot book it. Please send a corrected one.', category: 'billing', urgency: 'medium', sentiment: 5 },
  { subject: 'paid in cash, app says unpaid', body: 'I paid cash at the desk on Tuesday but the app keeps sending me reminders that I owe $180 and threatening to suspend the plan.', category: 'billing', urgency: 'medium', sentiment: 3 },
  { subject: 'HOW MANY TIMES', body: 'THIRD email about the refund for the cancelled clutch job. Nobody answers. I am reporting you to consumer protection.', category: 'billing', urgency: 'high', sentiment: 1 },
  { subject: 'Direct debit', body: 'Can I pay the fleet account by direct debit instead of card? Our policy does not allow company cards for recurring charges.', category: 'billing', urgency: 'low', sentiment: 6 },
  { subject: 'price match', body: 'Another shop near me quoted less for the same timing belt kit. Do you price match, and can I get the difference back since I already paid?', category: 'billing', urgency: 'low', sentiment: 5 },
  { subject: 'charged for courtesy car', body: 'I was told the loan car was free with my membership but there is a rental fee on the invoice.', category: 'billing', urgency: 'medium', sentiment: 4 },
  { subject: 'tax on parts', body: 'Why is sales tax charged on the labour portion? I thought only parts were taxable in my state.', category: 'billing', urgency: 'low', sentiment: 5 },
  { subject: 'refund to old card', body: 'My old debit card was closed. Where does the refund for the returned battery go now? I do not want to lose it.', category: 'billing', urgency: 'medium', sentiment: 4 },
  { subject: 'membership fee went up', body: 'Got an email that the monthly price is going up next month. Nobody asked me. Can I keep the old price since I have been with you since 2019?', category: 'billing', urgency: 'low', sentiment: 3 },
  { subject: 'sputtering', body: 'Truck sputters going uphill and the cruise control turns itself off. Started after I filled up at a small station out of town.', category: 'technical', urgency: 'medium', sentiment: 4 },
  { subject: 'dash lit up like a christmas tree', body: 'ABS, traction control and the brake light all came on at once on the way home. Brakes still seem to work. What now?', category: 'technical', urgency: 'high', sentiment: 3 },
  { subject: 'smell of rotten eggs', body: 'Exhaust smells like rotten eggs after long drives on my 2014 Mazda3. No lights on the dash.', category: 'technical', urgency: 'low', sentiment: 5 },
  { subject: 'window stuck down', body: 'Driver window went down and will not come back up, and rain is forecast tonight. The motor makes a clicking sound.', category: 'technical', urgency: 'high', sentiment: 3 },
  { subject: 'windshield camera error', body: 'Since the windscreen replacement the lane assist shows "camera unavailable" every time I drive.', category: 'technical', urgency: 'medium', sentiment: 4 },
  { subject: 'car hesitates', body: 'When I put my foot down to merge, there is a second of nothing and then it lurches forward. Scary on the on-ramp.', category: 'technical', urgency: 'high', sentiment: 3 },
  { subject: 'radio resets', body: 'Every time I start the car the radio presets and clock reset. Not a big deal but annoying.', category: 'technical', urgency: 'low', sentiment: 5 },
  { subject: 'wet carpet', body: 'Passenger footwell carpet is soaked after rain, the floor mat is squishy. No idea where the water is getting in.', category: 'technical', urgency: 'low', sentiment: 4 },
  { subject: 'steering heavy', body: 'Steering suddenly became very heavy at low speed and there is a whining noise when I turn the wheel.', category: 'technical', urgency: 'high', sentiment: 3 },
  { subject: 'app map blank', body: 'The workshop map is just a grey square on my tablet, I can\'t pick a location to book.', category: 'technical', urgency: 'low', sentiment: 5 },
  { subject: 'white smoke', body: 'Lots of white smoke from the exhaust on start up this morning and it smelled sweet. Coolant looks a bit low.', category: 'technical', urgency: 'high', sentiment: 3 },
  { subject: 'email link broken', body: 'The "view your repair" link in your email goes to a page that says not found.', category: 'technical', urgency: 'low', sentiment: 5 },
  { subject: 'start stop not working', body: 'The auto start-stop feature has stopped turning the engine off at lights. The button light is not on either.', category: 'technical', urgency: 'low', sentiment: 5 },
  { subject: 'Vibration at 60', body: 'Steering wheel shakes between 55 and 65 mph since the new tyres went on. Below and above that it is smooth.', category: 'technical', urgency: 'medium', sentiment: 4 },
  { subject: 'cannot upload photo', body: 'Trying to attach a picture of the leak to my ticket but the upload just fails at 99 percent every time.', category: 'technical', urgency: 'medium', sentiment: 4 },
  { subject: 'idea for the booking screen', body: 'When I pick a service, show me how long it usually takes so I know whether to wait or leave the car.', category: 'feature_request', urgency: 'low', sentiment: 7 },
  { subject: 'would pay for this', body: 'Honestly I would pay extra for a subscription that includes car washes with every service.', category: 'feature_request', urgency: 'low', sentiment: 8 },
  { subject: 'two factor via sms', body: 'Not everyone has an authenticator app. Could you offer 2FA codes by text message as an option?', category: 'feature_request', urgency: 'low', sentiment: 6 },
  { subject: 'notes on my car', body: 'Would be useful to keep my own notes per vehicle in the app, like tyre sizes and the code for the locking wheel nut.', category: 'feature_request', urgency: 'low', sentiment: 7 },
  { subject: 'reorder button', body: 'I buy the same oil filter and wipers every year. A "buy again" button on past orders would save me searching.', category: 'feature_request', urgency: 'low', sentiment: 7 },
  { subject: 'ETA when car is ready', body: 'Instead of just "in progress", can the app give an estimated finish time for the repair? I could plan my day around it.', category: 'feature_request', urgency: 'low', sentiment: 6 },
  { subject: 'suggestion for invoices', body: 'Could invoices show the mileage at the time of service? It would make my records much tidier.', category: 'feature_request', urgency: 'low', sentiment: 6 },
  { subject: 'trailer and caravan servicing', body: 'Do you have plans to service trailers and caravans too? I would book it through the app if it was there.', category: 'feature_request', urgency: 'low', sentiment: 7 },
  { subject: 'print-friendly checklist', body: 'The troubleshooting guides are great. A printable version to keep in the glovebox would be nice for when I have no signal.', category: 'feature_request', urgency: 'low', sentiment: 8 },
  { subject: 'more than one address', body: 'Let me save my work and home address so I can choose where parts get delivered at checkout.', category: 'feature_request', urgency: 'low', sentiment: 6 },
  { subject: 'video call with mechanic', body: 'A quick video call option with a technician before booking would help decide whether a noise is worth bringing the car in for.', category: 'feature_request', urgency: 'low', sentiment: 7 },
  { subject: 'bulk booking', body: 'We need to book annual inspections for 30 vans. Booking them one at a time is painful, please add bulk booking for fleets.', category: 'feature_request', urgency: 'medium', sentiment: 4 },
  { subject: 'tyre tread photos', body: 'It would be cool if the technician could upload tread depth readings with photos after each visit, so I can see the trend.', category: 'feature_request', urgency: 'low', sentiment: 8 },
  { subject: 'Smartwatch', body: 'Any plans for an Apple Watch app? Just a notification that the car is ready would be enough.', category: 'feature_request', urgency: 'low', sentiment: 7 },
  { subject: 'choose my technician', body: 'I like the mechanic who did my last service. Could I request the same person when booking?', category: 'feature_request', urgency: 'low', sentiment: 8 },
];

// ---------------------------------------------------------------------------------------------------------------
// Composition
// ---------------------------------------------------------------------------------------------------------------
const urgencyRank: Record<Urgency, number> = { low: 0, medium: 1, high: 2 };
const raise = (urgency: Urgency): Urgency => (urgency === 'low' ? 'medium' : 'high');
const shuffled = <T>(items: readonly T[]): T[] => {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
};

/** Sentiment of a bare problem statement: a problem is mildly negative, worse the more urgent; an idea is mildly positive. */
function plainSentiment(category: Category, urgency: Urgency): [number, number] {
  if (category === 'feature_request') return [6, 7];
  return urgency === 'high' ? [3, 4] : urgency === 'medium' ? [4, 5] : [5, 6];
}

function composeTicket(category: Category, scenario: Scenario, phrasing: string): LabelledTicket {
  const tone: Tone = pick(scenario.tones ?? categoryTones[category]);
  const style = tones[tone];
  let urgency = scenario.urgency;
  const parts: string[] = [];
  const shape = pick(['short', 'medium', 'medium', 'long'] as const);
  // The sentiment label must be readable from the text: without an opener or closer in the customer's tone,
  // the ticket reads as the plain problem statement and is labelled by what that implies.
  let toneShown = false;
  if (shape !== 'short' && chance(0.7)) {
    parts.push(pick(style.openers));
    toneShown = true;
  }
  parts.push(fill(phrasing));
  if (shape !== 'short') parts.push(fill(pick(context[category])));
  if (shape === 'long') {
    parts.push(fill(pick(context[category])));
    if (chance(0.5)) parts.push(fill(pick(context[category])));
  }
  if (chance(0.1)) {
    parts.push(fill(pick(escalators[category])));
    // A deadline on an idea makes it worth a quicker answer, not an emergency.
    urgency = category === 'feature_request' ? raise(urgency) : 'high';
  }
  if (shape !== 'short' || chance(0.5)) parts.push(pick(asks[category]));
  if (shape !== 'short' && chance(0.7)) {
    parts.push(pick(style.closers));
    toneShown = true;
  }
  // Strong anger is itself an urgency signal: an angry customer gets a faster answer.
  if (tone === 'furious' && urgencyRank[urgency] < urgencyRank.high) urgency = raise(urgency);
  const separator = shape === 'long' && chance(0.4) ? '\n\n' : ' ';
  // Phrasings written without a final full stop get one most of the time; the rest run on, as people type.
  const sentences = parts.filter((part) => part.length > 0).map((part) => (/[.!?:,]$/.test(part) || chance(0.35) ? part : `${part}.`));
  const body = addNoise(sentences.join(separator).replace(/ {2,}/g, ' ').trim());
  const subject = chance(0.08) ? pick(vagueSubjects) : addNoise(fill(pick(scenario.subjects)));
  const [low, high] = toneShown ? style.sentiment : plainSentiment(category, urgency);
  return { subject, body, category, urgency, sentiment: between(low, high) };
}

function buildCategory(category: Category, scenarios: Scenario[], target: number): LabelledTicket[] {
  const tickets: LabelledTicket[] = [];
  const seen = new Set<string>();
  // Round robin over scenarios, then over each scenario's phrasings, so every phrasing is used a similar,
  // small number of times instead of a few favourites dominating the set.
  const order = shuffled(scenarios);
  for (let index = 0; tickets.length < target && index < target * 4; index++) {
    const scenario = order[index % order.length];
    const phrasing = scenario.phrasings[Math.floor(index / order.length) % scenario.phrasings.length];
    const ticket = composeTicket(category, scenario, phrasing);
    const key = `${ticket.subject}\n${ticket.body}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tickets.push(ticket);
  }
  return tickets;
}

export function buildTrainingData(perCategory = 220): LabelledTicket[] {
  const all = [
    ...oneOffTickets,
    ...buildCategory('billing', billing, perCategory),
    ...buildCategory('technical', technical, perCategory),
    ...buildCategory('feature_request', featureRequests, perCategory),
  ];
  return shuffled(all);
}

/** One ticket per line keeps the file reviewable in diffs. */
export function serialiseTrainingData(tickets: readonly LabelledTicket[]): string {
  return `[\n${tickets.map((ticket) => `  ${JSON.stringify(ticket)}`).join(',\n')}\n]\n`;
}

if (import.meta.main) {
  const tickets = buildTrainingData();
  await Deno.writeTextFile(new URL('./training-data.json', import.meta.url), serialiseTrainingData(tickets));
  console.log(`wrote ${tickets.length} tickets`);
}
