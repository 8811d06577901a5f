/**
 * Demo content for the mock backend: two lessons and two practice forms, in Albanian and English only
 * (other languages get the English, as Rust gives the nearest language there is). Everything here is
 * test data, marked "Demo", and not a real lesson or a real service.
 */
import type { Country, Course, FieldKind, Locale } from './bindings';

/** One text in some languages; `en` is the fallback. */
export type DemoText = Partial<Record<Locale, string>> & { en: string };

export type DemoMedia = { mime: string; bytes: Uint8Array };

export type DemoStep = { text: DemoText; picture: string | null; audio: string | null };
export type DemoChoice = { text: DemoText; picture: string | null; right: boolean; feedback: DemoText };
export type DemoQuestion = { question: DemoText; picture: string | null; choices: DemoChoice[] };
export type DemoLesson = {
  id: string;
  course: Course;
  order: number;
  minutes: number;
  digcomp: string;
  languages: Locale[];
  title: DemoText;
  summary: DemoText;
  picture: string | null;
  steps: DemoStep[];
  quiz: DemoQuestion[];
};

export type DemoField = {
  id: string;
  kind: FieldKind;
  required: boolean;
  label: DemoText;
  hint: DemoText;
  example: string | null;
  options?: { value: string; label: DemoText }[];
};
export type DemoForm = {
  id: string;
  country: Country;
  portal: string;
  languages: Locale[];
  title: DemoText;
  summary: DemoText;
  picture: string | null;
  serviceSteps: DemoText[];
  pages: { title: DemoText; fields: DemoField[] }[];
  next: DemoText;
};

const svg = (body: string): DemoMedia => ({
  mime: 'image/svg+xml',
  bytes: new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 90">${body}</svg>`),
});

/** A short beep as an 8 kHz, 8-bit mono WAV: enough to hear that narration plays. */
function beep(): DemoMedia {
  const rate = 8000;
  const samples = rate / 4;
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  text(36, 'data');
  view.setUint32(40, samples, true);
  for (let i = 0; i < samples; i++) bytes[44 + i] = 128 + Math.round(40 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return { mime: 'audio/wav', bytes };
}

/** Demo media by hash. */
export const DEMO_MEDIA: Record<string, DemoMedia> = {
  'demo-phone': svg('<rect width="120" height="90" fill="#dbe9f7"/><rect x="42" y="8" width="36" height="74" rx="6" fill="#1a1a1a"/><rect x="46" y="16" width="28" height="54" fill="#8fd3ff"/>'),
  'demo-power': svg('<rect width="120" height="90" fill="#fdebc8"/><circle cx="60" cy="48" r="26" fill="none" stroke="#1a1a1a" stroke-width="8"/><rect x="55" y="10" width="10" height="36" fill="#1a1a1a"/>'),
  'demo-screen': svg('<rect width="120" height="90" fill="#dcefd9"/><rect x="30" y="10" width="60" height="70" rx="6" fill="#1a1a1a"/><circle cx="60" cy="45" r="14" fill="#ffd23f"/>'),
  'demo-bus': svg('<rect width="120" height="90" fill="#fdebc8"/><rect x="20" y="20" width="80" height="46" rx="8" fill="#d9480f"/><rect x="28" y="28" width="64" height="16" fill="#e7f0fa"/><circle cx="38" cy="70" r="8" fill="#1a1a1a"/><circle cx="82" cy="70" r="8" fill="#1a1a1a"/>'),
  'demo-clock': svg('<rect width="120" height="90" fill="#e8e1f6"/><circle cx="60" cy="45" r="32" fill="#fff" stroke="#1a1a1a" stroke-width="5"/><path d="M60 45V24M60 45H76" stroke="#1a1a1a" stroke-width="5"/>'),
  'demo-search': svg('<rect width="120" height="90" fill="#dbe9f7"/><circle cx="52" cy="40" r="20" fill="none" stroke="#1a1a1a" stroke-width="7"/><path d="M66 54L86 74" stroke="#1a1a1a" stroke-width="9"/>'),
  'demo-form': svg('<rect width="120" height="90" fill="#dcefd9"/><rect x="32" y="8" width="56" height="74" fill="#fff" stroke="#1a1a1a" stroke-width="3"/><path d="M40 24H80M40 38H80M40 52H70" stroke="#0b4f8a" stroke-width="5"/>'),
  'demo-card': svg('<rect width="120" height="90" fill="#f8dde6"/><rect x="14" y="18" width="92" height="56" rx="6" fill="#fff" stroke="#1a1a1a" stroke-width="3"/><circle cx="38" cy="44" r="12" fill="#6b6b6b"/><path d="M58 36H94M58 50H86" stroke="#1a1a1a" stroke-width="4"/>'),
  'demo-beep': beep(),
};

export const DEMO_LESSONS: DemoLesson[] = [
  {
    id: 'demo-phone-on',
    course: 'beginners',
    order: 1,
    minutes: 3,
    digcomp: '5.1',
    languages: ['sq', 'en'],
    title: { sq: 'Demo: Ndize telefonin', en: 'Demo: Turn on the phone' },
    summary: { sq: 'Ku është butoni dhe çfarë shihni.', en: 'Where the button is and what you see.' },
    picture: 'demo-phone',
    steps: [
      {
        text: { sq: 'Ky është telefoni juaj. Mbajeni me dy duar.', en: 'This is your phone. Hold it with two hands.' },
        picture: 'demo-phone',
        audio: 'demo-beep',
      },
      {
        text: { sq: 'Shtypni gjatë butonin anash, derisa ekrani të ndizet.', en: 'Press the button on the side for a long time, until the screen lights up.' },
        picture: 'demo-power',
        audio: null,
      },
      {
        text: { sq: 'Ekrani ndizet. Tani telefoni është gati.', en: 'The screen lights up. Now the phone is ready.' },
        picture: 'demo-screen',
        audio: null,
      },
    ],
    quiz: [
      {
        question: { sq: 'Si e ndizni telefonin?', en: 'How do you turn on the phone?' },
        picture: 'demo-power',
        choices: [
          {
            text: { sq: 'Shtyp gjatë butonin anash', en: 'Press the side button for long' },
            picture: 'demo-power',
            right: true,
            feedback: { sq: 'Shumë mirë! Kështu ndizet.', en: 'Well done! That is how it turns on.' },
          },
          {
            text: { sq: 'Prek ekranin një herë', en: 'Touch the screen once' },
            picture: 'demo-screen',
            right: false,
            feedback: { sq: 'Jo fare. Ekrani i fikur nuk ndihmon. Provoni përsëri.', en: 'Not quite. A dark screen does not help. Try again.' },
          },
        ],
      },
      {
        question: { sq: 'Çfarë ndodh kur telefoni ndizet?', en: 'What happens when the phone turns on?' },
        picture: null,
        choices: [
          {
            text: { sq: 'Asgjë', en: 'Nothing' },
            picture: null,
            right: false,
            feedback: { sq: 'Shikoni përsëri hapin 3. Provoni përsëri.', en: 'Look at step 3 again. Try again.' },
          },
          {
            text: { sq: 'Ekrani ndizet', en: 'The screen lights up' },
            picture: 'demo-screen',
            right: true,
            feedback: { sq: 'Po! Ekrani ndizet.', en: 'Yes! The screen lights up.' },
          },
        ],
      },
    ],
  },
  {
    id: 'demo-bus-time',
    course: 'everyday',
    order: 1,
    minutes: 5,
    digcomp: '1.1',
    languages: ['sq', 'en'],
    title: { sq: 'Demo: Gjeni orarin e autobusit', en: 'Demo: Find a bus time' },
    summary: { sq: 'Kërkoni në internet kur niset autobusi.', en: 'Search the internet for when the bus leaves.' },
    picture: 'demo-bus',
    steps: [
      { text: { sq: 'Hapni kërkimin në telefon.', en: 'Open the search on your phone.' }, picture: 'demo-search', audio: null },
      { text: { sq: 'Shkruani emrin e qytetit dhe fjalën “autobus”.', en: 'Write the name of the town and the word “bus”.' }, picture: 'demo-bus', audio: null },
      { text: { sq: 'Shikoni orën. Kontrolloni edhe datën.', en: 'Look at the time. Check the date too.' }, picture: 'demo-clock', audio: null },
    ],
    quiz: [
      {
        question: { sq: 'Çfarë shkruani në kërkim?', en: 'What do you write in the search?' },
        picture: 'demo-search',
        choices: [
          { text: { sq: 'Qytetin dhe “autobus”', en: 'The town and “bus”' }, picture: 'demo-bus', right: true, feedback: { sq: 'Saktë!', en: 'Right!' } },
          { text: { sq: 'Emrin tuaj', en: 'Your name' }, picture: null, right: false, feedback: { sq: 'Emri juaj nuk tregon autobusin. Provoni përsëri.', en: 'Your name does not find the bus. Try again.' } },
        ],
      },
      {
        question: { sq: 'Çfarë kontrolloni edhe?', en: 'What else do you check?' },
        picture: 'demo-clock',
        choices: [
          { text: { sq: 'Ngjyrën', en: 'The colour' }, picture: null, right: false, feedback: { sq: 'Ngjyra nuk ka rëndësi. Provoni përsëri.', en: 'The colour does not matter. Try again.' } },
          { text: { sq: 'Datën', en: 'The date' }, picture: 'demo-clock', right: true, feedback: { sq: 'Po, data ka rëndësi.', en: 'Yes, the date matters.' } },
        ],
      },
    ],
  },
];

export const DEMO_FORMS: DemoForm[] = [
  {
    id: 'demo-family-certificate',
    country: 'al',
    portal: 'e-albania',
    languages: ['sq', 'en'],
    title: { sq: 'Demo: Certifikatë familjare', en: 'Demo: Family certificate' },
    summary: { sq: 'Kërkoni një certifikatë për familjen tuaj.', en: 'Ask for a certificate of your family.' },
    picture: 'demo-card',
    serviceSteps: [
      { sq: 'Hyni në portal me fjalëkalimin tuaj.', en: 'Log in to the portal with your password.' },
      { sq: 'Shkruani numrin personal.', en: 'Write your personal number.' },
      { sq: 'Konfirmoni me kodin nga SMS.', en: 'Confirm with the code from the SMS.' },
    ],
    pages: [
      {
        title: { sq: 'Kush jeni', en: 'Who you are' },
        fields: [
          {
            id: 'nid',
            kind: 'personal-number',
            required: true,
            label: { sq: 'Numri personal', en: 'Personal number' },
            hint: { sq: 'Është në kartën e identitetit: 10 shenja.', en: 'It is on your ID card: 10 signs.' },
            example: 'J65101123A',
          },
          {
            id: 'name',
            kind: 'text',
            required: true,
            label: { sq: 'Emri', en: 'First name' },
            hint: { sq: 'Si në kartën e identitetit.', en: 'As on your ID card.' },
            example: null,
          },
        ],
      },
      {
        title: { sq: 'Konfirmimi', en: 'Confirm' },
        fields: [
          {
            id: 'phone',
            kind: 'phone',
            required: true,
            label: { sq: 'Numri i celularit', en: 'Mobile number' },
            hint: { sq: '10 numra, fillon me 06.', en: '10 numbers, starts with 06.' },
            example: '0691234567',
          },
          {
            id: 'otp',
            kind: 'otp',
            required: true,
            label: { sq: 'Kodi nga SMS', en: 'Code from the SMS' },
            hint: { sq: 'Shikoni mesazhin që erdhi.', en: 'Look at the message that came.' },
            example: null,
          },
        ],
      },
    ],
    next: {
      sq: 'Certifikata do të vinte në llogarinë tuaj pas pak minutash. Mund ta shkarkonit dhe ta printonit.',
      en: 'The certificate would arrive in your account in a few minutes. You could download and print it.',
    },
  },
  {
    id: 'demo-id-appointment',
    country: 'mk',
    portal: 'uslugi',
    languages: ['mk', 'sq', 'en'],
    title: { mk: 'Демо: Термин за лична карта', sq: 'Demo: Termin për letërnjoftim', en: 'Demo: ID card appointment' },
    summary: { mk: 'Изберете канцеларија и ден.', sq: 'Zgjidhni zyrën dhe ditën.', en: 'Choose the office and the day.' },
    picture: 'demo-form',
    serviceSteps: [
      { mk: 'Отворете uslugi.gov.mk.', sq: 'Hapni uslugi.gov.mk.', en: 'Open uslugi.gov.mk.' },
      { mk: 'Изберете канцеларија и ден.', sq: 'Zgjidhni zyrën dhe ditën.', en: 'Choose the office and the day.' },
    ],
    pages: [
      {
        title: { mk: 'Терминот', sq: 'Termini', en: 'The appointment' },
        fields: [
          {
            id: 'office',
            kind: 'choice',
            required: true,
            label: { mk: 'Канцеларија', sq: 'Zyra', en: 'Office' },
            hint: { mk: 'Канцеларијата најблиску до вас.', sq: 'Zyra më afër jush.', en: 'The office nearest to you.' },
            example: null,
            options: [
              { value: 'skopje', label: { mk: 'Скопје', sq: 'Shkup', en: 'Skopje' } },
              { value: 'tetovo', label: { mk: 'Тетово', sq: 'Tetovë', en: 'Tetovo' } },
            ],
          },
          {
            id: 'day',
            kind: 'date',
            required: true,
            label: { mk: 'Ден', sq: 'Dita', en: 'Day' },
            hint: { mk: 'Година-месец-ден.', sq: 'Viti-muaji-dita.', en: 'Year-month-day.' },
            example: '2030-05-17',
          },
          {
            id: 'photo',
            kind: 'file',
            required: true,
            label: { mk: 'Фотографија', sq: 'Fotografia', en: 'Photo' },
            hint: { mk: 'Фотографија од лицето.', sq: 'Një foto e fytyrës.', en: 'A photo of your face.' },
            example: null,
          },
        ],
      },
    ],
    next: {
      mk: 'Ќе добиевте е-пошта со денот и часот. Одете во канцеларијата со документите.',
      sq: 'Do të merrnit një email me ditën dhe orën. Shkoni në zyrë me dokumentet.',
      en: 'You would get an e-mail with the day and hour. Go to the office with your papers.',
    },
  },
];
