// Regenerates rules/countries.json from two well-kept packages (codes and names from
// i18n-iso-countries, zones from countries-and-timezones). The output is data: review its diff.
// Countries spanning several zones take the zone of their capital, listed below by hand.
import { writeFileSync } from "node:fs";
import countries from "i18n-iso-countries";
import ct from "countries-and-timezones";

const CAPITAL_ZONE: Record<string, string> = {
  AQ: "Antarctica/McMurdo", AR: "America/Argentina/Buenos_Aires", AU: "Australia/Sydney",
  BR: "America/Sao_Paulo", CA: "America/Toronto", CD: "Africa/Kinshasa", CL: "America/Santiago",
  CN: "Asia/Shanghai", CY: "Asia/Nicosia", DE: "Europe/Berlin", EC: "America/Guayaquil",
  ES: "Europe/Madrid", FM: "Pacific/Pohnpei", GL: "America/Nuuk", ID: "Asia/Jakarta",
  KI: "Pacific/Tarawa", KZ: "Asia/Almaty", MH: "Pacific/Majuro", MN: "Asia/Ulaanbaatar",
  MX: "America/Mexico_City", MY: "Asia/Kuala_Lumpur", NZ: "Pacific/Auckland",
  PF: "Pacific/Tahiti", PG: "Pacific/Port_Moresby", PS: "Asia/Hebron", PT: "Europe/Lisbon",
  RU: "Europe/Moscow", TF: "Indian/Kerguelen", UA: "Europe/Kyiv", UM: "Pacific/Wake",
  US: "America/New_York", UZ: "Asia/Tashkent", VN: "Asia/Ho_Chi_Minh",
  BV: "Europe/Oslo", XK: "Europe/Belgrade", HM: "Indian/Kerguelen",
};
// Names that take "the" in a sentence ("citizens of the United Kingdom").
const DEFINITE = new Set([
  "AE", "BS", "CD", "CF", "CK", "DO", "FK", "FO", "GM", "IO", "KM", "KY", "MH", "MV", "NL", "PH",
  "SB", "SC", "TC", "UM", "US", "GB", "VG", "VI", "MP", "CG", "NE",
]);
// Where the package's short name is ambiguous ("Congo" twice) or reads badly in a sentence.
const NAMES: Record<string, string> = {
  AE: "United Arab Emirates", CD: "Democratic Republic of the Congo", CG: "Republic of the Congo",
  GB: "United Kingdom", GM: "Gambia", NL: "Netherlands", FK: "Falkland Islands",
  VA: "Vatican City", VG: "British Virgin Islands", VI: "US Virgin Islands",
  KR: "South Korea", LA: "Laos", MD: "Moldova", FM: "Micronesia", SY: "Syria",
};
// Territories whose people are citizens of another country and travel on its passports (French
// overseas collectivities, the Dutch Caribbean, US territories, the Crown Dependencies, ...), so
// every destination answers them as that country; and places with no passport the data knows (null).
// Distinct passports stay distinct: Hong Kong, Macao, Taiwan, Palestine, Kosovo, and the British
// Overseas Territories with their own BOTC passports (Bermuda, Cayman Islands, Gibraltar, ...).
const PASSPORT: Record<string, string | null> = {
  ...Object.fromEntries("GP MQ GF RE YT PM BL MF WF PF NC TF".split(" ").map((c) => [c, "FR"])),
  ...Object.fromEntries("AW CW SX BQ".split(" ").map((c) => [c, "NL"])),
  ...Object.fromEntries("PR GU VI AS MP UM".split(" ").map((c) => [c, "US"])),
  ...Object.fromEntries("JE GG IM GS IO".split(" ").map((c) => [c, "GB"])),
  ...Object.fromEntries("CX CC NF HM".split(" ").map((c) => [c, "AU"])),
  ...Object.fromEntries("CK NU TK".split(" ").map((c) => [c, "NZ"])),
  GL: "DK", FO: "DK", AX: "FI", SJ: "NO", BV: "NO",
  // No passport of these is known: Antarctica has no nationals; the Sahrawi Republic's passports
  // for Western Sahara are recognised by few states, and its people mostly travel on Moroccan,
  // Algerian or Mauritanian documents.
  AQ: null, EH: null,
};
// Not in ISO 3166-1 but used by every visa policy; codes as the EU and ICAO use them.
const EXTRA = [{ code: "XK", alpha3: "XKX", name: "Kosovo" }];

const aliases = countries.getNames("en", { select: "alias" });
const rows = Object.entries(countries.getAlpha2Codes())
  .map(([code, alpha3]) => ({ code, alpha3, name: NAMES[code] ?? aliases[code] ?? countries.getName(code, "en")! }))
  .concat(EXTRA.filter((x) => !countries.getAlpha2Codes()[x.code]))
  .map((c) => {
    const zones = ct.getCountry(c.code)?.timezones ?? [];
    const timeZone = CAPITAL_ZONE[c.code] ?? (zones.length === 1 ? zones[0] : undefined);
    if (!timeZone) throw new Error(`no time zone chosen for ${c.code} (${zones.join(", ")})`);
    return {
      ...c,
      ...(DEFINITE.has(c.code) && { definite: true }),
      ...(c.code in PASSPORT && { passport: PASSPORT[c.code] }),
      timeZone,
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

const out = { $schema: "../schema/countries.schema.json", countries: rows };
writeFileSync(new URL("../rules/countries.json", import.meta.url), JSON.stringify(out, null, 2) + "\n");
console.log(`wrote ${rows.length} countries`);
