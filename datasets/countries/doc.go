// Package countries is the registry of every entity the project's sources
// score: the ISO 3166-1 countries and territories, historical states and the
// territories no ISO code covers. It resolves what users type ("Kazakstan",
// "Киргизия", "kgz") and maps each publisher's rows to one entity.
//
// # Data
//
// countries.csv (embedded) has the columns
// iso3,iso2,name,name_ru,kind,aliases. name is the English name shown by
// default, name_ru the Russian one (indicators.Country.NameRU, DisplayName);
// both resolve, as every alias does. Aliases are separated by "|": other
// English forms, the sources' spellings, old names, the Russian variants,
// and each post-Soviet state's name in its own language(s) and script(s)
// (საქართველო, Հայաստան, Azərbaycan and Азәрбајҹан, Қазақстан and Qazaqstan,
// Кыргыз Республикасы, Тоҷикистон, Türkmenistan, Oʻzbekiston and Ўзбекистон,
// Україна, Рэспубліка Беларусь, Republica Moldova, Eesti, Latvija, Lietuva).
// An alias of exactly three upper-case ASCII letters is an alternative code:
// ByCode accepts it as well as the ISO3 and ISO2 codes (World Bank ADO, ROM,
// ZAR, TMP, KSV, WBG; ISO 3166-3 former codes such as BUR, HVO, DHY, RHO,
// NHB; RSF's XKO and CTU; abbreviations such as UAE, CAR, PRC, DRC).
//
// # Russian names
//
// name_ru is the current short name in Russian. Where Russian usages differ,
// it is the name the state gives itself in Russian, which is also the UN's
// Russian form: Беларусь, not Белоруссия; Кыргызстан, not Киргизия; Молдова,
// not Молдавия (the UN writes Республика Молдова in full); Туркменистан, not
// Туркмения. Russian is an official language of Belarus and Kyrgyzstan,
// whose constitutions name them Республика Беларусь and Кыргызская
// Республика (Кыргызстан). The self-designation is the neutral choice for a
// tool whose readers live in all fifteen states, where the Russian MID's
// usage has varied over the years. The older forms stay aliases, so they
// still resolve. Other names follow common Russian usage (США, ЮАР, ДР
// Конго, Республика Конго so that neither Congo is plain "Конго", which
// names both), territories and historical entities keep their own names
// (Крым, Приднестровье, СССР, ГДР), and "ФРГ", which is both West Germany
// and Germany, is no form of either.
//
// Entities without an ISO code get a code from the user-assigned X range:
//
//	XKX Kosovo (kind country; the code the EU and World Bank use, ISO2 XK)
//	XAB Abkhazia              XSO South Ossetia          XTR Transnistria
//	XNK Nagorno-Karabakh      XCR Crimea                 XDB Eastern Donbas
//	XOU Russian-Occupied Territories of Ukraine (Freedom House from 2025)
//	XNC Northern Cyprus       XSL Somaliland             XZN Zanzibar
//	XGZ Gaza Strip            XWB West Bank              XIO Israeli-Occupied Territories
//	XTB Tibet                 XPK Pakistani Kashmir      XIK Indian Kashmir
//	XCE Chechnya              XKU Iraqi Kurdistan        XWP West Papua
//	XNI Northern Ireland
//	XWG West Germany, XNY North Yemen, XRV South Vietnam, XTK Transkei (historical)
//
// Historical states keep their former codes: SUN Soviet Union, YUG
// Yugoslavia (SFRY), SCG Serbia and Montenegro (including the Federal
// Republic of Yugoslavia, 1992–2003), CSK Czechoslovakia, DDR East Germany,
// ANT Netherlands Antilles, YMD South Yemen and VDR North Vietnam (ISO
// 3166-3; V-Dem uses VDR for South Vietnam, which Map turns into XRV, since
// South Vietnam's own code VNM passed to unified Vietnam). Czechoslovakia and Serbia
// and Montenegro have no ISO2 here because both used "CS".
//
// # Policy: a historical entity is not its successor
//
//   - A union that dissolved into its member republics is a historical
//     entity: the Soviet Union is SUN, never RUS; Yugoslavia is YUG, the
//     FRY/Serbia and Montenegro is SCG, neither is Serbia; Czechoslovakia is
//     CSK, not Czechia. The union republics themselves are continuous with
//     the independent states ("Kazakh SSR" is KAZ).
//   - Before a unification, both halves are historical: West and East
//     Germany (until 1990), North and South Yemen (until 1990), North and
//     South Vietnam (until 1976).
//   - A state that lost a region by secession keeps its code (Ethiopia
//     before 1993, Sudan before 2011, Serbia after 2008).
//   - A disputed or occupied territory a source scores on its own is a
//     territory of its own: Crimea is neither UKR nor RUS. The group
//     "territories" holds those of the region: Abkhazia, Crimea, Eastern
//     Donbas, Nagorno-Karabakh, the Russian-Occupied Territories of
//     Ukraine, South Ossetia and Transnistria.
//
// Map applies this to the sources' own coding: V-Dem's "Russia" rows up to
// 1990 are SUN, its "Serbia" rows are YUG up to 1991 and SCG 1992–2005, its
// "Czechia" rows up to 1992 are CSK, its "Germany" rows up to 1989 XWG, its
// "Yemen" rows up to 1989 XNY and its "Vietnam" rows up to 1975 VDR. V-Dem
// itself treats these as one continuous unit per country_id. Freedom House's
// "Yugoslavia" row is YUG up to the 1991-92 edition and SCG from the 1992-93
// to the 2003 edition (covering 1992–2002).
package countries

//go:generate go test -run ^TestRegistryTable$ -update .
