// Synthetic but realistic chat history for the search benchmark: words follow a Zipf
// distribution over ~40,000 words (a few hundred real ones at the top, pronounceable made-up
// ones in the tail), so posting lists have the lengths real text gives them.

const COMMON =
  `the of and to a in is it you that he was for on are with as I his they be at one have this from
or had by hot but some what there we can out other were all your when up use word how said an each she which do
their time if will way about many then them would write like so these her long make thing see him two has look
more day could go come did my sound no most number who over know water than call first people may down side been
now find any new work part take get place made live where after back little only round man year came show every
good me give our under name very through just form much great think say help low line before turn cause same
mean differ move right boy old too does tell sentence set three want air well also play small end put home read
hand port large spell add even land here must big high such follow act why ask men change went light kind off
need house picture try us again animal point mother world near build self earth father head stand own page should
country found answer school grow study still learn plant cover food sun four thought let keep eye never last door
between city tree cross since hard start might story saw far sea draw left late run while press close night real
life few stop open seem together next white children begin got walk example ease paper often always music those
both mark book letter until mile river car feet care second group carry took rain eat room friend began idea fish
mountain north once base hear horse cut sure watch color face wood main enough plain girl usual young ready above
ever red list though feel talk bird soon body dog family direct pose leave song measure state product black short
numeral class wind question happen complete ship area half rock order fire south problem piece told knew pass farm
top whole king size heard best hour better true during hundred am remember step early hold west ground interest
reach fast five sing listen six table travel less morning ten simple several vowel toward war lay against pattern
slow center love person money serve appear road map science rule govern pull cold notice voice fall power town
fine certain fly unit lead cry dark machine note wait plan figure star box noun field rest correct able pound done
beauty drive stood contain front teach week final gave green oh quick develop sleep warm free minute strong special
mind behind clear tail produce fact street inch lot nothing course stay wheel full force blue object decide surface
deep moon island foot yet busy test record boat common gold possible plane age dry wonder laugh thousand ago ran
check game shape yes cool miss brought heat snow bed bring sit perhaps fill east weight language among function
variable array string object promise async await return import export class interface type module package server
client request response error exception database query index table column schema migration commit branch merge
deploy container kubernetes docker cluster network latency throughput cache memory thread process kernel compiler
parser token model prompt embedding vector gradient training inference dataset benchmark python rust typescript
javascript react component state render effect hook callback event stream buffer socket protocol header payload
encrypt decrypt signature certificate password secret credential permission scope refresh expire timeout retry`.split(
    /\s+/u,
  );

const CONSONANTS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'br',
  'st',
  'tr',
  'ch',
  'th',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
export const VOCABULARY_SIZE = 40_000;

/** A small fast PRNG so the corpus is the same on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Corpus {
  words: string[];
  /** A word drawn with Zipf frequencies. */
  word(): string;
  message(role: 'user' | 'assistant'): string;
  random: () => number;
}

export function createCorpus(seed = 42): Corpus {
  const random = seeded(seed);
  const seen = new Set(COMMON);
  const words = [...new Set(COMMON)];
  while (words.length < VOCABULARY_SIZE) {
    let w = '';
    const syllables = 2 + Math.floor(random() * 3);
    for (let i = 0; i < syllables; i++) {
      w +=
        CONSONANTS[Math.floor(random() * CONSONANTS.length)]! + VOWELS[Math.floor(random() * VOWELS.length)]!;
    }
    if (random() < 0.3) w += CONSONANTS[Math.floor(random() * CONSONANTS.length)]!;
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) {
    total += 1 / (r + 2.7);
    cumulative[r] = total;
  }
  const word = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  const sentence = () => {
    const n = 5 + Math.floor(random() * 16);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(word());
    const first = parts[0]!;
    parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${parts.join(' ')}${random() < 0.15 ? '?' : '.'}`;
  };
  const code = () =>
    `\`\`\`ts\nconst ${word()}${word().replace(/^./u, (c) => c.toUpperCase())} = await ${word()}(${word()}, ${Math.floor(random() * 100)});\n\`\`\``;
  const message = (role: 'user' | 'assistant') => {
    const target = role === 'user' ? 8 + random() * 50 : 40 + random() * random() * 320;
    const out: string[] = [];
    let count = 0;
    while (count < target) {
      const s = sentence();
      out.push(s);
      count += s.split(' ').length;
      if (role === 'assistant' && random() < 0.04) out.push(`\n\n${code()}\n\n`);
    }
    return out.join(' ');
  };
  return { words, word, message, random };
}
