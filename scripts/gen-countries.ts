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
// What shows that each territory's people hold the sovereign's passports (read 2026-11-27), or,
// with no permanent population of its own, why it is answered as the sovereign.
const READ = "2026-11-27";
const src = (title: string, url: string, publisher: string, note: string, date = READ) => ({ title, url, publisher, date, note });
const PASSPORT_SOURCES: Record<string, { title: string; url?: string; readAt?: string; publisher: string; date: string; note: string }[]> = {
  FR: [src("Overseas France (encyclopedia copy)", "https://alchetron.com/Overseas-France", "Alchetron (Wikipedia copy)",
    "The people of the French overseas departments, collectivities and New Caledonia 'have French nationality and vote for the president of France'.")],
  NL: [
    src("Non-Sovereign Caribbean Territories and Citizenship (4/4): the Netherlands", "https://www.ifuturecitizen.com/post/non-sovereign-caribbean-territories-and-citizenship-4-4-the-netherlands", "iFutureCitizen",
      "The Dutch Caribbean islands 'were and remain governed by the Dutch Nationality Act'."),
    src("Proposal VVD: different passport for Aruba, Curaçao and Sint Maarten", "https://curacaochronicle.com/main/proposal-vvd-different-passport-for-aruba-curacao-and-sint-maarten/", "Curaçao Chronicle (ANP)",
      "Residents of Aruba, Curaçao and Sint Maarten hold the Dutch passport ('these three countries want to retain the Dutch passport').", "2013-11-27"),
  ],
  US: [src("What are the US territories (Q&A)", "https://tessab.net/what-are-the-us-territories-map/", "tessab.net",
    "People of Guam are American citizens by birth; people born in American Samoa are 'nationals but not citizens of the United States at birth' (Immigration and Nationality Act), and travel on US passports. Puerto Rico, the US Virgin Islands and the Northern Mariana Islands: US citizenship by 8 U.S.C. 1402, 1406 and the Covenant with the Northern Mariana Islands (not read online).")],
  GB: [
    src("Jersey-variant British passport (encyclopedia copy)", "https://wikimili.com/en/Jersey-variant_British_passport", "WikiMili (Wikipedia copy)",
      "Jersey-variant British passports are full British passports issued to British citizens connected to Jersey."),
    src("Guernsey-variant British passport (encyclopedia copy)", "https://arc.ask3.ru/arc/aa/9d/a8/9dd8140439c945c8ca429f1c117434a8.html?action=edit", "Wikipedia copy (ask3.ru)",
      "A British passport issued to British citizens in the Bailiwick of Guernsey by the Guernsey passport office."),
    src("Isle of Man-variant British passport (encyclopedia copy)", "https://wikimili.com/en/Isle_of_Man-variant_British_passport", "WikiMili (Wikipedia copy)",
      "A British passport issued by the Lieutenant Governor of the Isle of Man to British citizens resident in or connected to the island."),
  ],
  AU: [{ title: "Norfolk Island (encyclopedia copy, 2017)", publisher: "Wikipedia copy (the-uncensored-wiki.com, 2017)",
    readAt: "http://the-uncensored-wiki.com:20171/2017-wikipedia_en_all_novid_2017-08/A/Transport_in_Norfolk_Island.html", date: READ,
    note: "Read only over plain http at http://the-uncensored-wiki.com:20171/2017-wikipedia_en_all_novid_2017-08/A/Transport_in_Norfolk_Island.html: Norfolk Island is part of the Commonwealth of Australia, one of its external territories. Christmas Island and the Cocos (Keeling) Islands are likewise Australian external territories whose residents hold Australian citizenship under the Australian Citizenship Act 2007 (not read online)." }],
  NZ: [src("Niue stays with NZ citizenship as Cook Islands tests NZ resolve over passport", "https://pmn.co.nz/read/pacific-region/niue-stays-with-nz-citizenship-as-cook-islands-tests-nz-resolve-over-passport", "Pacific Media Network",
    "Like the Cook Islands, Niue is in free association with New Zealand, 'where its people hold New Zealand passports and citizenship'; New Zealand opposed a separate Cook Islands passport. Tokelau is a New Zealand territory (New Zealand citizenship; not read online). Undated page (2025), read on the date given.")],
  DK: [
    src("Passport - Greenlandic and Danish", "https://www.sullissivik.gl/English/Passport-Greenlandic-and-Danish", "Sullissivik (Government of Greenland)",
      "In Greenland one can apply for a Greenlandic or a Danish passport; both require Danish citizenship and serve the same purposes."),
    src("Citizenship", "https://hagstova.fo/en/population/population/citizenship", "Statistics Faroe Islands (Hagstova)",
      "Danish, Faroese and Greenlandic nationals share the same citizenship; most people born in the Faroe Islands are registered as Danish citizens."),
  ],
  FI: [src("In what ways are Åland Islands passports different from other Finnish passports?", "https://quicktraveladvise.com/in-what-ways-are-197land-islands-passports-different-from-other-finnish-passports", "quicktraveladvise.com (Q&A, quoting the Finnish police)",
    "People of the Åland Islands are citizens of Finland; the Finnish police issue those with Åland right of domicile a Finnish passport with the added cover text 'Åland'.")],
};
// No permanent population of its own: nobody travels on its passport; answered as its sovereign.
const UNINHABITED = "No permanent population of its own and no passport of its own: anyone travelling from here holds another country's passport, and the place is answered as its sovereign.";
const PASSPORT_NOTES: Record<string, string> = {
  TF: UNINHABITED, UM: UNINHABITED, GS: UNINHABITED, IO: UNINHABITED, HM: UNINHABITED, BV: UNINHABITED,
  SJ: "Svalbard has no citizenship or passport of its own; its residents hold Norwegian or other passports (not read online).",
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
      ...(c.code in PASSPORT_NOTES
        ? { passportNote: PASSPORT_NOTES[c.code] }
        : PASSPORT[c.code] && { passportSources: PASSPORT_SOURCES[PASSPORT[c.code]!] }),
      timeZone,
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

const out = { $schema: "../schema/countries.schema.json", countries: rows };
writeFileSync(new URL("../rules/countries.json", import.meta.url), JSON.stringify(out, null, 2) + "\n");
console.log(`wrote ${rows.length} countries`);

