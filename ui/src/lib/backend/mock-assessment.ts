/**
 * The skills assessment for the mock backend: a short demo instrument (two items in each DigComp area
 * and three observed tasks, in the four languages, texts from `lessons/assessment/digcomp.toml`) and
 * the scoring of `crates/core/src/assessment.rs`, exactly:
 *
 * - a rating counts 0 (`cannot-do`) to 3 (`can-teach`); an area's score is the mean of its answered
 *   items;
 * - an observed task done counts as one more item of its area rated "on my own" (2), but never lowers
 *   the mean of the person's own answers; a task not done changes nothing;
 * - an area with nothing answered nor observed is not assessed (`null`, never zero);
 * - overall: the mean of the assessed areas' means, each area weighing the same;
 * - levels: below 1 → foundation-1, below 1.75 → foundation-2, below 2.5 → intermediate-3, else
 *   intermediate-4; compared exactly as fractions (4·total against k·count), as Rust does.
 */
import type { Area, AreaChangeView, AreaScoreView, Level, Locale, Rating, Trend } from './bindings';
import type { DemoMedia } from './mock-content';

export const AREAS: readonly Area[] = ['information', 'communication', 'content-creation', 'safety', 'problem-solving'];

export const POINTS: Record<Rating, number> = { 'cannot-do': 0, 'with-help': 1, 'on-my-own': 2, 'can-teach': 3 };

/** A mean kept as an exact fraction `total / count` (count > 0). */
export type Mean = { total: number; count: number };

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function reduced(m: Mean): Mean {
  const g = Math.max(1, gcd(m.total, m.count));
  return { total: m.total / g, count: m.count / g };
}

/** −1, 0 or 1 as `a` is below, equal to or above `b`, exactly. */
export function compareMeans(a: Mean, b: Mean): number {
  return Math.sign(a.total * b.count - b.total * a.count);
}

/** The DigComp level of a mean (cut points 1, 1.75 and 2.5, compared as quarters). */
export function levelOf(mean: Mean): Level {
  const quarters = 4 * mean.total;
  if (quarters < 4 * mean.count) return 'foundation-1';
  if (quarters < 7 * mean.count) return 'foundation-2';
  if (quarters < 10 * mean.count) return 'intermediate-3';
  return 'intermediate-4';
}

/** The mean of several means, each weighing the same; null for none. */
export function meanOfMeans(means: Mean[]): Mean | null {
  if (means.length === 0) return null;
  const lcm = means.reduce((l, m) => (l / gcd(l, m.count)) * m.count, 1);
  const total = means.reduce((sum, m) => sum + m.total * (lcm / m.count), 0);
  return reduced({ total, count: lcm * means.length });
}

export type ScoredArea = { area: Area; mean: Mean | null; answered: number; observed: number };
export type Scores = { areas: ScoredArea[]; overall: Mean | null };

type Scored = { id: string; area: Area };

/** Scores `ratings` (item id → answer) and `observed` (task id → done) against the instrument's items and tasks. */
export function score(items: readonly Scored[], tasks: readonly Scored[], ratings: Partial<Record<string, Rating>>, observed: Partial<Record<string, boolean>>): Scores {
  const sums = new Map<Area, { total: number; answered: number; observed: number }>(AREAS.map((a) => [a, { total: 0, answered: 0, observed: 0 }]));
  for (const item of items) {
    const rating = ratings[item.id];
    if (!rating) continue;
    const sum = sums.get(item.area)!;
    sum.total += POINTS[rating];
    sum.answered += 1;
  }
  for (const task of tasks) {
    if (observed[task.id] !== true) continue;
    const sum = sums.get(task.area)!;
    sum.total += POINTS['on-my-own'];
    sum.observed += 1;
  }
  const areas = AREAS.map((area): ScoredArea => {
    const { total, answered, observed: seen } = sums.get(area)!;
    const count = answered + seen;
    if (count === 0) return { area, mean: null, answered, observed: seen };
    let mean = reduced({ total, count });
    // Tasks done lift a score towards "on my own" but never pull a higher one down.
    const selfRated = { total: total - seen * POINTS['on-my-own'], count: answered };
    if (answered > 0 && compareMeans(selfRated, mean) > 0) mean = reduced(selfRated);
    return { area, mean, answered, observed: seen };
  });
  const overall = meanOfMeans(areas.flatMap((a) => (a.mean ? [a.mean] : [])));
  return { areas, overall };
}

export function areaViews(scores: Scores): AreaScoreView[] {
  return scores.areas.map((a) => ({
    area: a.area,
    score: a.mean ? a.mean.total / a.mean.count : null,
    level: a.mean ? levelOf(a.mean) : null,
    answered: a.answered,
    observed: a.observed,
  }));
}

/** Area by area, before and after; an area assessed only once has no trend. */
export function compareScores(before: Scores, after: Scores): AreaChangeView[] {
  return AREAS.map((area, i) => {
    const b = before.areas[i].mean;
    const a = after.areas[i].mean;
    let trend: Trend | null = null;
    let difference: number | null = null;
    if (a && b) {
      const c = compareMeans(a, b);
      trend = c > 0 ? 'up' : c === 0 ? 'same' : 'down';
      difference = a.total / a.count - b.total / b.count;
    }
    return {
      area,
      before: b ? b.total / b.count : null,
      after: a ? a.total / a.count : null,
      beforeLevel: b ? levelOf(b) : null,
      afterLevel: a ? levelOf(a) : null,
      trend,
      difference,
    };
  });
}

// ---- The demo instrument ----

type Texts = Record<Locale, string>;

export type DemoScale = { rating: Rating; picture: string; text: Texts };
export type DemoItem = { id: string; area: Area; digcomp: string; picture: string; text: Texts };
export type DemoTask = DemoItem & { form: string | null };

const svg = (body: string): DemoMedia => ({
  mime: 'image/svg+xml',
  bytes: new TextEncoder().encode(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 90">${body}</svg>`),
});

const face = (mouth: string, bg: string) =>
  svg(`<rect width="120" height="90" fill="${bg}"/><circle cx="60" cy="45" r="30" fill="#ffd23f" stroke="#1a1a1a" stroke-width="4"/><circle cx="50" cy="38" r="4"/><circle cx="70" cy="38" r="4"/><path d="${mouth}" fill="none" stroke="#1a1a1a" stroke-width="4"/>`);

export const ASSESSMENT_MEDIA: Record<string, DemoMedia> = {
  'demo-skills': svg('<rect width="120" height="90" fill="#dcefd9"/><path d="M30 70L50 40L65 55L90 20" fill="none" stroke="#0b4f8a" stroke-width="8"/>'),
  'demo-scale-cannot': face('M48 60H72', '#f8dde6'),
  'demo-scale-help': face('M48 58Q60 64 72 58', '#fdebc8'),
  'demo-scale-alone': face('M46 55Q60 70 74 55', '#dbe9f7'),
  'demo-scale-teach': face('M44 52Q60 74 76 52', '#dcefd9'),
  'demo-skill-search': svg('<rect width="120" height="90" fill="#dbe9f7"/><circle cx="52" cy="40" r="20" fill="none" stroke="#1a1a1a" stroke-width="7"/><path d="M66 54L86 74" stroke="#1a1a1a" stroke-width="9"/>'),
  'demo-skill-talk': svg('<rect width="120" height="90" fill="#e8e1f6"/><path d="M20 20H90V60H50L35 75V60H20Z" fill="#fff" stroke="#1a1a1a" stroke-width="4"/>'),
  'demo-skill-photo': svg('<rect width="120" height="90" fill="#fdebc8"/><rect x="25" y="28" width="70" height="46" rx="6" fill="#1a1a1a"/><circle cx="60" cy="51" r="14" fill="#8fd3ff"/>'),
  'demo-skill-lock': svg('<rect width="120" height="90" fill="#f8dde6"/><rect x="38" y="40" width="44" height="36" rx="4" fill="#1a1a1a"/><path d="M46 40V30A14 14 0 0 1 74 30V40" fill="none" stroke="#1a1a1a" stroke-width="6"/>'),
  'demo-skill-fix': svg('<rect width="120" height="90" fill="#dcefd9"/><path d="M60 15A30 30 0 1 0 90 45" fill="none" stroke="#1a1a1a" stroke-width="7"/><path d="M80 35L90 45L100 35" fill="none" stroke="#1a1a1a" stroke-width="7"/>'),
};

export const DEMO_INSTRUMENT = {
  id: 'digcomp',
  revision: 1,
  picture: 'demo-skills',
  title: {
    sq: 'Çfarë di të bëj me telefonin',
    mk: 'Што знам да правам на телефонот',
    sr: 'Šta znam da radim na telefonu',
    en: 'What I can do on the phone',
  } as Texts,
  intro: {
    sq: 'Dëgjoni çdo fjali. Pastaj zgjidhni përgjigjen që ju përshtatet. Nuk ka përgjigje të gabuara.',
    mk: 'Слушајте ја секоја реченица. Потоа изберете го одговорот што ви одговара. Нема погрешни одговори.',
    sr: 'Slušajte svaku rečenicu. Zatim izaberite odgovor koji vam odgovara. Nema pogrešnih odgovora.',
    en: 'Listen to each sentence. Then choose the answer that fits you. There are no wrong answers.',
  } as Texts,
  scale: [
    { rating: 'cannot-do', picture: 'demo-scale-cannot', text: { sq: 'Ende nuk mundem.', mk: 'Сè уште не можам.', sr: 'Još ne mogu.', en: "I can't do it yet." } },
    { rating: 'with-help', picture: 'demo-scale-help', text: { sq: 'Mundem me ndihmë.', mk: 'Можам со помош.', sr: 'Mogu uz pomoć.', en: 'I can do it with help.' } },
    { rating: 'on-my-own', picture: 'demo-scale-alone', text: { sq: 'Mundem vetë.', mk: 'Можам самостојно.', sr: 'Mogu samostalno.', en: 'I can do it on my own.' } },
    {
      rating: 'can-teach',
      picture: 'demo-scale-teach',
      text: { sq: "Mundem, dhe mund t'ua mësoj edhe të tjerëve.", mk: 'Можам, и можам да ги научам и другите.', sr: 'Mogu, i mogu da naučim i druge.', en: 'I can do it and teach others.' },
    },
  ] as DemoScale[],
  items: [
    {
      id: 'find-opening-hours',
      area: 'information',
      digcomp: '1.1',
      picture: 'demo-skill-search',
      text: {
        sq: 'Mund të gjej në internet orarin e punës së postës.',
        mk: 'Можам да го најдам работното време на поштата на интернет.',
        sr: 'Mogu da pronađem radno vreme pošte na internetu.',
        en: 'I can find the opening hours of the post office on the internet.',
      },
    },
    {
      id: 'check-news',
      area: 'information',
      digcomp: '1.2',
      picture: 'demo-skill-search',
      text: {
        sq: 'Mund të kontrolloj nëse një lajm që lexoj në telefon është i vërtetë.',
        mk: 'Можам да проверам дали е вистинита веста што ја читам на телефонот.',
        sr: 'Mogu da proverim da li je vest koju čitam na telefonu istinita.',
        en: 'I can check whether a piece of news I read on the phone is true.',
      },
    },
    {
      id: 'voice-message',
      area: 'communication',
      digcomp: '2.1',
      picture: 'demo-skill-talk',
      text: {
        sq: "Mund t'i dërgoj familjes një mesazh zanor.",
        mk: 'Можам да испратам гласовна порака до моето семејство.',
        sr: 'Mogu da pošaljem glasovnu poruku porodici.',
        en: 'I can send a voice message to my family.',
      },
    },
    {
      id: 'video-call',
      area: 'communication',
      digcomp: '2.1',
      picture: 'demo-skill-talk',
      text: {
        sq: 'Mund të bëj një thirrje me video me dikë nga familja që jeton larg.',
        mk: 'Можам да направам видео повик со некого од семејството што живее далеку.',
        sr: 'Mogu da obavim video poziv sa nekim iz porodice ko živi daleko.',
        en: 'I can make a video call to someone in my family who lives far away.',
      },
    },
    {
      id: 'photo-of-document',
      area: 'content-creation',
      digcomp: '3.1',
      picture: 'demo-skill-photo',
      text: {
        sq: 'Mund të bëj një foto të qartë të një dokumenti, që të lexohet çdo fjalë.',
        mk: 'Можам да направам јасна фотографија од документ, за да се чита секој збор.',
        sr: 'Mogu da napravim jasnu fotografiju dokumenta, tako da se svaka reč može pročitati.',
        en: 'I can take a clear photo of a document, so that every word can be read.',
      },
    },
    {
      id: 'write-message',
      area: 'content-creation',
      digcomp: '3.1',
      picture: 'demo-skill-photo',
      text: {
        sq: 'Mund të shkruaj një mesazh të shkurtër me shkronja dhe numra.',
        mk: 'Можам да напишам кратка порака со букви и бројки.',
        sr: 'Mogu da napišem kratku poruku sa slovima i brojevima.',
        en: 'I can write a short message with letters and numbers.',
      },
    },
    {
      id: 'lock-phone',
      area: 'safety',
      digcomp: '4.1',
      picture: 'demo-skill-lock',
      text: {
        sq: 'Mund ta kyç telefonin me një PIN që e di vetëm unë.',
        mk: 'Можам да го заклучам телефонот со ПИН што само јас го знам.',
        sr: 'Mogu da zaključam telefon PIN-om koji samo ja znam.',
        en: 'I can lock my phone with a PIN that only I know.',
      },
    },
    {
      id: 'scam-sms',
      area: 'safety',
      digcomp: '4.2',
      picture: 'demo-skill-lock',
      text: {
        sq: 'Mund ta dalloj një SMS mashtrues nga një i vërtetë.',
        mk: 'Можам да разликувам измамничка СМС порака од вистинска.',
        sr: 'Mogu da razlikujem lažnu SMS poruku od prave.',
        en: 'I can tell a scam SMS from a real one.',
      },
    },
    {
      id: 'no-internet',
      area: 'problem-solving',
      digcomp: '5.1',
      picture: 'demo-skill-fix',
      text: {
        sq: 'Kur interneti nuk punon, mund të kontrolloj sinjalin dhe të dhënat celulare.',
        mk: 'Кога интернетот не работи, можам да ги проверам сигналот и мобилните податоци.',
        sr: 'Kada internet ne radi, mogu da proverim signal i mobilne podatke.',
        en: 'When the internet does not work, I can check the signal and the mobile data.',
      },
    },
    {
      id: 'restart-phone',
      area: 'problem-solving',
      digcomp: '5.1',
      picture: 'demo-skill-fix',
      text: {
        sq: 'Kur telefoni bllokohet, mund ta fik dhe ta ndez përsëri.',
        mk: 'Кога телефонот ќе заглави, можам да го исклучам и повторно да го вклучам.',
        sr: 'Kada se telefon zaglavi, mogu da ga isključim i ponovo uključim.',
        en: 'When the phone is stuck, I can turn it off and on again.',
      },
    },
  ] as DemoItem[],
  tasks: [
    {
      id: 'call-or-voice-message',
      area: 'communication',
      digcomp: '2.1',
      picture: 'demo-skill-talk',
      form: null,
      text: {
        sq: 'Ju lutem, më telefononi ose më dërgoni një mesazh zanor.',
        mk: 'Ве молам, јавете ми се или пратете ми гласовна порака.',
        sr: 'Molim vas, pozovite me ili mi pošaljite glasovnu poruku.',
        en: 'Please call me, or send me a voice message.',
      },
    },
    {
      id: 'practice-form',
      area: 'communication',
      digcomp: '2.3',
      picture: 'demo-skill-talk',
      form: 'demo-family-certificate',
      text: {
        sq: 'Hapni formularin e ushtrimit të e-Albania dhe plotësojeni deri në fund.',
        mk: 'Отворете го формуларот за вежбање на е-Албанија и пополнете го до крај.',
        sr: 'Otvorite formular za vežbu e-Albanije i popunite ga do kraja.',
        en: 'Open the practice e-Albania form and fill it in to the end.',
      },
    },
    {
      id: 'spot-the-scam',
      area: 'safety',
      digcomp: '4.2',
      picture: 'demo-skill-lock',
      form: null,
      text: {
        sq: 'Shikoni këto mesazhe. Më tregoni cili prej tyre është mashtrim.',
        mk: 'Погледнете ги овие пораки. Покажете ми која од нив е измама.',
        sr: 'Pogledajte ove poruke. Pokažite mi koja od njih je prevara.',
        en: 'Look at these messages. Show me the one that is a scam.',
      },
    },
  ] as DemoTask[],
};
