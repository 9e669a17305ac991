/**
 * English (or older) names of research cities whose GeoNames name is another one. GeoNames'
 * alternate names now carry most of them; this small, hand-checked list (drawn up by resolving
 * the organisation cities of the Research Organization Registry) stays as a second source for
 * the few GeoNames lacks or lists under another place.
 */

/**
 * Per ISO2 country: other name → the city's GeoNames name. Used by `createGazetteer` as a
 * second key of that city, never over a city that carries the name itself.
 *
 * @example EXONYMS.CH?.Geneva // 'Genève'
 */
export const EXONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  BE: { Ghent: 'Gent', Antwerp: 'Antwerpen', Louvain: 'Leuven' },
  CA: { Sudbury: 'Greater Sudbury' },
  CH: { Geneva: 'Genève', Lucerne: 'Luzern', Sion: 'Sitten' },
  DE: {
    Cologne: 'Köln',
    Hanover: 'Hannover',
    Nuremberg: 'Nürnberg',
    Brunswick: 'Braunschweig',
    Frankfurt: 'Frankfurt am Main',
    'Freiburg im Breisgau': 'Freiburg',
    Garching: 'Garching bei München',
    Marburg: 'Marburg an der Lahn',
  },
  DK: { Aarhus: 'Århus' },
  ES: {
    Seville: 'Sevilla',
    Saragossa: 'Zaragoza',
    'La Coruña': 'A Coruña',
    'Vitoria-Gasteiz': 'Gasteiz / Vitoria',
    Castellón: 'Castelló de la Plana',
  },
  FR: { 'Évry-Courcouronnes': 'Évry', 'Sophia Antipolis': 'Valbonne' },
  IE: { Galway: 'Gaillimh', Limerick: 'Luimneach' },
  IN: {
    Bangalore: 'Bengaluru',
    Dehradun: 'Dehra Dūn',
    Bhubaneswar: 'Bhubaneshwar',
    Gurugram: 'Gurgaon',
    Mangaluru: 'Mangalore',
    Kochi: 'Cochin',
    Ernakulam: 'Cochin',
    Trivandrum: 'Thiruvananthapuram',
    Mysuru: 'Mysore',
  },
  IQ: { Sulaymaniyah: 'As Sulaymānīyah', Basra: 'Basrah' },
  IT: { Padua: 'Padova' },
  KZ: { Astana: 'Nur-Sultan' },
  MN: { Ulaanbaatar: 'Ulan Bator' },
  MO: { Macao: 'Macau' },
  MX: { Xalapa: 'Xalapa de Enríquez', León: 'León de los Aldama' },
  NL: { 'Den Haag': 'The Hague', "'s-Gravenhage": 'The Hague' },
  RU: { 'Rostov-on-Don': 'Rostov-na-Donu', 'Nizhny Novgorod': 'Nizhniy Novgorod' },
  SE: { Gothenburg: 'Göteborg' },
  UA: { Kiev: 'Kyiv', Odesa: 'Odessa', Zaporizhzhia: 'Zaporizhia' },
};
