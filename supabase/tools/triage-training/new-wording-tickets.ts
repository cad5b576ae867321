// New, varied ticket wording for issue 15 (see PROVENANCE.md, "New wording (issue 15)"): hand-written scenarios,
// each in two independent phrasings, wrapped in several surface forms (plain, short, angry, typos, a chat hand-off
// transcript). Deterministic: no randomness, so the sets are the same on every run.
//
// The DEV split is chosen by SCENARIO, not by ticket: every scenario whose index is a multiple of 5 goes to dev
// only, so no dev ticket shares its core wording with a training ticket and the dev figures measure unseen wording.
type Category = 'billing' | 'technical' | 'feature_request';
type Urgency = 'high' | 'medium' | 'low';

export interface NewWordingTicket {
  subject: string;
  body: string;
  category: Category;
  urgency: Urgency;
  sentiment: number;
}

interface Scenario {
  category: Category;
  urgency: Urgency;
  /** [subject, body] pairs: independent phrasings of the same problem. */
  phrasings: [string, string][];
}

const scenarios: Scenario[] = [
  // --- billing ---
  { category: 'billing', urgency: 'high', phrasings: [
    ['Charged twice, rent due today', 'My card got hit twice for the same brake job, $480 each. Rent comes out this afternoon and I am short because of you.'],
    ['two identical payments', 'Two identical amounts were taken for the Monday service. I need the duplicate refunded before my rent leaves tonight.'],
  ] },
  { category: 'billing', urgency: 'high', phrasings: [
    ['Refund is weeks overdue', 'I was promised a refund for the cancelled tyre order six weeks ago. Still nothing. I am absolutely livid and I am done being patient.'],
    ['where is my money', 'Your staff said the refund for the returned alternator would take 5 days. It has been over a month. This is outrageous.'],
  ] },
  { category: 'billing', urgency: 'high', phrasings: [
    ['card charged many times overnight', 'I woke up to eleven charges from you overnight against my debit card. My account is empty.'],
    ['dozens of transactions', 'My bank app shows your company charging me again and again through the night, I count nine payments. Please stop it.'],
  ] },
  { category: 'billing', urgency: 'medium', phrasings: [
    ['invoice total wrong', 'The invoice for my Corolla service adds a labour hour that the mechanic told me was not needed. Can you correct it?'],
    ['overbilled for oil change', 'I was quoted $89 for the oil change on my pickup and the bill says $129. Please look at it.'],
  ] },
  { category: 'billing', urgency: 'low', phrasings: [
    ['Which cards do you accept', 'Quick question, can I pay for the workshop visit with Amex or only Visa?'],
    ['paying by bank transfer', 'Is it possible to pay the parts invoice by bank transfer instead of card?'],
  ] },
  { category: 'billing', urgency: 'medium', phrasings: [
    ['care plan renewed without asking', 'My care plan for the Civic renewed and took the yearly fee even though I sold the car in March.'],
    ['subscription after selling my van', 'I no longer own the van but the maintenance subscription is still billing me monthly. Please cancel and refund the last payment.'],
  ] },
  { category: 'billing', urgency: 'low', phrasings: [
    ['copy of receipt for tax', 'Could you send me a VAT receipt for the timing belt replacement in June? My accountant needs it.'],
    ['need invoice for company', 'Hi, my employer reimburses the servicing of my car. Can I get the invoice with the company name on it?'],
  ] },
  { category: 'billing', urgency: 'medium', phrasings: [
    ['courtesy car fee', 'I was charged $60 for a loaner vehicle while my car was in for a warranty repair. I thought that was free?'],
    ['rental car on my bill', 'Why is there a rental car charge on my statement? The recall repair was supposed to cover the replacement car.'],
  ] },
  { category: 'billing', urgency: 'high', phrasings: [
    ['can\'t afford this charge', 'You took $900 for a repair I declined. I am on benefits and I cannot pay my bills this month because of it.'],
    ['pension overdrawn', 'I am a pensioner and your deposit for the gearbox put me overdrawn. I need it reversed, I have nothing left for food.'],
  ] },
  { category: 'billing', urgency: 'low', phrasings: [
    ['price of a full service', 'What is the price of a full service for a 2017 Golf diesel?'],
    ['cost estimate question', 'Roughly what would you charge to replace the rear pads and discs on a Focus?'],
  ] },
  { category: 'billing', urgency: 'medium', phrasings: [
    ['promo code not applied', 'I entered the WINTER20 code when booking the tyre change but the full price was taken.'],
    ['discount missing', 'The loyalty discount did not show up on my parts order, I paid the full amount.'],
  ] },
  { category: 'billing', urgency: 'high', phrasings: [
    ['payment deadline tomorrow', 'Your invoice says the balance must be paid by tomorrow or the car stays at the garage, but your payment page rejects every card. I need the car for work Monday.'],
    ['cannot pay before the cutoff', 'I have to settle the repair bill before 5pm today to collect my truck and the pay link gives an error each time.'],
  ] },
  { category: 'billing', urgency: 'medium', phrasings: [
    ['order shipped but charged for express', 'I paid for next-day delivery on the spark plugs and they came in a week. I want the shipping fee back.'],
    ['delivery fee refund', 'The headlight bulbs arrived late even though I paid extra for fast delivery, please refund the difference.'],
  ] },
  { category: 'billing', urgency: 'low', phrasings: [
    ['change billing address', 'I moved house. How do I update the billing address on my account for future invoices?'],
    ['update card details', 'My card expired, where do I put the new one so the care plan keeps going?'],
  ] },
  { category: 'billing', urgency: 'high', phrasings: [
    ['charged but I never came in', 'There is a $350 charge for a service at a branch I never visited. Somebody is using my account. Lock it now.'],
    ['payment I did not make', 'A diagnostic fee was paid from my saved card for a car that is not mine. I think my login was stolen.'],
  ] },
  // --- technical ---
  { category: 'technical', urgency: 'high', phrasings: [
    ['brake pedal goes to the floor', 'Since this morning the brake pedal goes to the floor before the car slows down. I have the kids in the car.'],
    ['soft brakes after your service', 'After you changed the brake fluid the pedal feels spongy and sinks, it barely stops. Is it safe to drive?'],
  ] },
  { category: 'technical', urgency: 'high', phrasings: [
    ['someone changed my password', 'I got an email that my password changed and I did not do it. Now I cannot log in and my cards are saved in there.'],
    ['account hijacked', 'Somebody else is in my account, the phone number and email were changed overnight. Please freeze it.'],
  ] },
  { category: 'technical', urgency: 'high', phrasings: [
    ['Other customers details are visible to me', 'When I open my service history in the app I see other people\'s names, addresses and plates. That is a serious privacy problem.'],
    ['wrong people\'s records', 'The documents tab shows invoices for customers I do not know, with their phone numbers. Your app is leaking data.'],
  ] },
  { category: 'technical', urgency: 'high', phrasings: [
    ['production line stopped', 'The torque station firmware update you pushed last night has stopped our assembly line. Nothing is moving, forty people idle.'],
    ['whole plant down', 'Since the update, none of our workshop terminals start. We cannot take any cars in, all bays are stopped.'],
  ] },
  { category: 'technical', urgency: 'high', phrasings: [
    ['checklist skips the safety step', 'The digital inspection checklist no longer shows the wheel nut torque check, so techs are releasing cars without it.'],
    ['lift inspection item missing', 'Our maintenance checklist lost the hydraulic lift safety check after the update. Someone could get hurt.'],
  ] },
  { category: 'technical', urgency: 'medium', phrasings: [
    ['app crashes when uploading photos', 'The app closes whenever I upload a picture of the dent. I tried three times.'],
    ['photo upload fails', 'Uploading pictures of the damage in the claim form spins forever and then says try again.'],
  ] },
  { category: 'technical', urgency: 'low', phrasings: [
    ['how to pair phone', 'How do I pair my phone with the infotainment system you installed?'],
    ['connecting bluetooth', 'What are the steps to connect bluetooth in the new head unit? The manual is not clear.'],
  ] },
  { category: 'technical', urgency: 'medium', phrasings: [
    ['check engine light back on', 'The engine light came back two days after the repair. The car drives fine but it is on all the time.'],
    ['warning light again', 'Amber engine symbol is lit again on the dashboard since Tuesday, no change in how it runs.'],
  ] },
  { category: 'technical', urgency: 'high', phrasings: [
    ['smoke from the bonnet', 'White smoke is coming out from under the hood and there is a burning smell. I pulled over on the motorway.'],
    ['car overheating badly', 'The temperature needle is in the red and steam is coming from the engine. I am stranded at the roadside.'],
  ] },
  { category: 'technical', urgency: 'medium', phrasings: [
    ['booking page error', 'The online booking page shows an error 500 when I pick a date. I would like to book an MOT.'],
    ['cannot book online', 'The calendar on your site will not let me choose a slot, it just reloads.'],
  ] },
  { category: 'technical', urgency: 'low', phrasings: [
    ['tyre pressure question', 'What tyre pressure should I run on the winter tyres you fitted?'],
    ['is it normal', 'Is it normal that the new battery shows 12.4 volts in the morning?'],
  ] },
  { category: 'technical', urgency: 'medium', phrasings: [
    ['grinding noise when turning', 'There is a grinding noise from the front left when I turn right at low speed.'],
    ['clunk over bumps', 'Since the suspension work I hear a clunk whenever the wheels hit a speed bump.'],
  ] },
  { category: 'technical', urgency: 'high', phrasings: [
    ['database corrupted after sync', 'After the sync last night our fleet records are corrupted, half the vehicles show the wrong mileage and service dates. We have audits tomorrow.'],
    ['records wiped', 'The parts inventory in the dealer portal is wiped and the backup restore fails. We cannot sell anything.'],
  ] },
  { category: 'technical', urgency: 'medium', phrasings: [
    ['login code never arrives', 'The text message with the login code never comes, so I cannot get in to see my invoices.'],
    ['verification sms missing', 'I do not receive the verification SMS when signing in, tried several times today.'],
  ] },
  { category: 'technical', urgency: 'low', phrasings: [
    ['where is the VIN', 'Where do I find the VIN on my car to enter it in the app?'],
    ['finding my service history', 'Hi, where is the service history of the car shown in the portal?'],
  ] },
  // --- feature requests ---
  { category: 'feature_request', urgency: 'low', phrasings: [
    ['idea: dark mode in the app', 'It would be nice if the mobile app had a dark theme, it is very bright at night.'],
    ['night theme please', 'Will the app ever get a night mode? My eyes would thank you.'],
  ] },
  { category: 'feature_request', urgency: 'low', phrasings: [
    ['apple wallet for invoices', 'Could you add the option to save invoices plus my care-plan card to Apple Wallet?'],
    ['export to google drive', 'I would love an export of all my service invoices to Google Drive from the app.'],
  ] },
  { category: 'feature_request', urgency: 'low', phrasings: [
    ['remind me about tyre rotation', 'Suggestion: the app could remind me when it is time to rotate the tyres, based on mileage.'],
    ['mileage based reminders', 'Please add service reminders based on my mileage instead of only by date.'],
  ] },
  { category: 'feature_request', urgency: 'low', phrasings: [
    ['multiple cars on one account', 'We have three family cars. Could the app let me manage all of them under one login?'],
    ['family vehicles', 'A feature request: share one account between my wife\'s car and mine, with both histories.'],
  ] },
  { category: 'feature_request', urgency: 'medium', phrasings: [
    ['need API for our fleet', 'Our fleet team needs an API to pull service status into our own system before we renew the contract next month.'],
    ['integration request', 'Would you consider a webhook when a work order is finished? Our dispatch software needs it for the new fleet deal.'],
  ] },
  { category: 'feature_request', urgency: 'low', phrasings: [
    ['live tracking of repair', 'It would be great to follow my repair live in the app, the way food delivery apps do it.'],
    ['status updates with photos', 'Could mechanics post photos of the work in progress so I can follow along?'],
  ] },
  { category: 'feature_request', urgency: 'low', phrasings: [
    ['book with favourite mechanic', 'I wish I could choose my favourite technician when I book a service online.'],
    ['choose the technician', 'Please let customers pick which mechanic works on their car.'],
  ] },
  { category: 'feature_request', urgency: 'low', phrasings: [
    ['spanish language', 'Could the website and app be available in Spanish? My parents use it too.'],
    ['more languages', 'Please add a French version of the customer portal.'],
  ] },
  { category: 'feature_request', urgency: 'low', phrasings: [
    ['pay in instalments', 'Would you think about offering monthly instalments for big repairs like a clutch?'],
    ['split payments option', 'An option to split the payment of large invoices into three would help a lot.'],
  ] },
  { category: 'feature_request', urgency: 'low', phrasings: [
    ['widget for next service', 'A home screen widget that shows my next booking plus care-plan status would be handy.'],
    ['apple watch app', 'Any chance of a smartwatch app to get notified when my car is ready?'],
  ] },
];

const angryOpeners = ['This is ridiculous.', 'I am so angry right now.', 'Unacceptable!!', 'Honestly fed up with you lot.'];
const calmOpeners = ['Hello,', 'Hi there,', 'Good morning,', 'Hi team,'];
const closers = ['Thanks.', 'Cheers', 'Regards, Sam', 'Thank you in advance.'];
const assistantLines = [
  'Assistant: I am sorry to hear that. Here is an article that may help: join our loyalty programme, we like to help.',
  'Assistant: Thanks for reaching out! I can help you with that. Would you like me to connect you with a person?',
];

function typoed(text: string): string {
  return text.replace(/the /g, 'teh ').replace(/ you/g, ' u').replace(/ing\b/g, 'in').replace(/\bplease\b/gi, 'pls');
}

/** The surface forms each phrasing is written in; the sentiment label follows the tone the form shows. */
function surfaceForms(subject: string, body: string, index: number, base: Scenario): NewWordingTicket[] {
  const calmSentiment = base.urgency === 'high' ? 3 : base.category === 'feature_request' ? 6 : 4;
  const pick = <T>(list: T[]) => list[index % list.length];
  return [
    { subject, body: `${pick(calmOpeners)} ${body} ${pick(closers)}`, category: base.category, urgency: base.urgency, sentiment: calmSentiment },
    { subject: subject.toLowerCase(), body: typoed(body.toLowerCase()), category: base.category, urgency: base.urgency, sentiment: calmSentiment },
    {
      subject: subject.toUpperCase(),
      body: `${pick(angryOpeners)} ${body} Sort this out.`,
      category: base.category,
      // A furious customer with a problem is high; an idea stays low however it is written.
      urgency: base.category === 'feature_request' ? base.urgency : 'high',
      sentiment: 1,
    },
    {
      subject,
      body: `Customer: ${body}\n\n${pick(assistantLines)}\n\nCustomer: I want to speak with a person about this.`,
      category: base.category,
      urgency: base.urgency,
      sentiment: calmSentiment,
    },
  ];
}

function build(dev: boolean): NewWordingTicket[] {
  const tickets: NewWordingTicket[] = [];
  scenarios.forEach((scenario, scenarioIndex) => {
    if ((scenarioIndex % 5 === 0) !== dev) return;
    scenario.phrasings.forEach(([subject, body], phrasingIndex) => {
      tickets.push(...surfaceForms(subject, body, scenarioIndex + phrasingIndex, scenario));
    });
  });
  return tickets;
}

/** Trained on. */
export const newWordingTrainingTickets: readonly NewWordingTicket[] = build(false);
/** Never trained on: the development split this session measured on while building the models. */
export const newWordingDevTickets: readonly NewWordingTicket[] = build(true);
