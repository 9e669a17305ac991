import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/places/gazetteer.ts';
import { findMetroByName, findMetroMember, locateMember, locatePrincipal, metroOfCity, METROS } from '../../src/places/metros.ts';
import { normalizeName } from '../../src/places/normalize.ts';

const member = (name: string, country: string) => findMetroMember(normalizeName(name), country)?.metro.name ?? null;

describe('METROS', () => {
  it('METROS holds 30 metros, each with itself as principal member', () => {
    expect(METROS).toHaveLength(30);
    for (const m of METROS) expect(normalizeName(m.principal)).toBe(normalizeName(m.name));
    expect(METROS.find((m) => m.name === 'Boston')?.definition).toBe('Boston-Cambridge-Newton, MA-NH');
  });
});

describe('findMetroMember', () => {
  it('findMetroMember is country-aware for names shared across countries', () => {
    expect(member('Cambridge', 'US')).toBe('Boston');
    expect(member('Cambridge', 'GB')).toBeNull();
    expect(member('Richmond', 'GB')).toBe('London');
    expect(member('Richmond', 'US')).toBeNull();
    expect(member('Kent', 'US')).toBe('Seattle');
    expect(member('Kent', 'GB')).toBeNull();
    expect(member('Dublin', 'IE')).toBe('Dublin');
    expect(member('Dublin', 'US')).toBeNull();
    expect(member('Liverpool', 'AU')).toBe('Sydney');
    expect(member('Liverpool', 'GB')).toBeNull();
    expect(member('Hamilton', 'CA')).toBe('Toronto');
    expect(member('Hamilton', 'NZ')).toBeNull();
    expect(member('Kensington', 'AU')).toBe('Sydney');
    expect(member('Kensington', 'GB')).toBeNull();
  });

  it('findMetroMember reads other spellings of members', () => {
    expect(member('München', 'DE')).toBe('Munich');
    expect(member('Kongens Lyngby', 'DK')).toBe('Copenhagen');
    expect(member('Södertälje', 'SE')).toBe('Stockholm');
  });
});

describe('findMetroByName', () => {
  it('findMetroByName finds a metro whatever the spelling', () => {
    expect(findMetroByName(normalizeName('Washington DC'))?.name).toBe('Washington D.C.');
    expect(findMetroByName(normalizeName('zurich'))?.country).toBe('CH');
    expect(findMetroByName(normalizeName('Cambridge'))).toBeNull();
  });
});

describe('locateMember', () => {
  const g = loadGazetteer();
  const locate = (name: string, country: string) => locateMember(findMetroMember(normalizeName(name), country)!, g);

  it('locateMember takes the namesake nearest the metro, not the most populous', () => {
    // Richmond, London borough: 51.46 N, 0.31 W (the larger Richmond, GB is in Yorkshire, 54.4 N)
    expect(locate('Richmond', 'GB')?.lat).toBeCloseTo(51.46, 1);
    // Aurora, Illinois: 41.76 N, 88.32 W (Aurora, Colorado is larger)
    expect(locate('Aurora', 'US')?.lon).toBeCloseTo(-88.32, 1);
    // Cambridge, Massachusetts
    expect(locate('Cambridge', 'US')?.lat).toBeCloseTo(42.37, 1);
  });

  it('locateMember returns null for a member the gazetteer lacks', () => {
    expect(locate('West Roxbury', 'US')).toBeNull();
    // Yongin-ri, 343 km from Seoul, is a namesake, not the member
    expect(locate('Yongin', 'KR')).toBeNull();
  });
});

describe('locatePrincipal', () => {
  it('locatePrincipal finds every metro principal in the gazetteer', () => {
    const g = loadGazetteer();
    for (const m of METROS) expect(locatePrincipal(m, g), m.name).not.toBeNull();
    expect(locatePrincipal(findMetroByName('new york')!, g)?.name).toBe('New York City');
  });
});

describe('metroOfCity', () => {
  it('metroOfCity maps the gazetteer city of a member back to its metro', () => {
    const g = loadGazetteer();
    expect(metroOfCity(g.find('new york city', 'US')[0]!, g)?.metro.name).toBe('New York');
    expect(metroOfCity(g.find('nanjing', 'CN')[0]!, g)).toBeNull();
  });
});
