// world-atlas names countries by ISO 3166-1 numeric code; the engine by alpha-2.
import countries from "i18n-iso-countries";

export const NUMERIC_TO_ALPHA2: Record<string, string> = Object.fromEntries(
  Object.entries(countries.getNumericCodes()).map(([numeric, alpha2]) => [numeric, alpha2]),
);
