//! The element's UI strings, in English and German (`lang`); other
//! languages fall back to English.

/// One UI string.
#[derive(Clone, Copy)]
pub enum T {
    SearchLabel,
    SearchHint,
    Loading,
    LoadFailed,
    MatchOne,
    Matches,
    NoMatch,
    Relaxed,
    ShowMore,
    UseAsPartner,
    Back,
    All,
    Filters,
    Results,
    Department,
    Address,
    Region,
    Status,
    Website,
    Projects,
    Selected,
    FormFilled,
    FormNotFilled,
    Attribution,
    AttributionChanges,
}

/// The facet labels, in `hitforms_search::facets::FACETS` order.
pub fn facet_label(lang: &str, i: usize) -> &'static str {
    let en = [
        "Country",
        "Region (NUTS 2)",
        "Programme",
        "Legal status",
        "Partner type",
        "Objective or theme",
        "Period",
    ];
    let de = [
        "Land",
        "Region (NUTS 2)",
        "Programm",
        "Rechtsstatus",
        "Partnertyp",
        "Ziel oder Thema",
        "Förderperiode",
    ];
    if lang == "de" { de[i] } else { en[i] }
}

/// The string `t` in `lang`.
pub fn t(lang: &str, t: T) -> &'static str {
    let (en, de) = TEXTS[t as usize];
    if lang == "de" { de } else { en }
}

/// English and German, in [`T`] order (a table, not a `match`: smaller in wasm).
const TEXTS: [(&str, &str); T::AttributionChanges as usize + 1] = [
    // SearchLabel
    ("Search partners", "Partner suchen"),
    // SearchHint
    (
        "Organisation, department, town or project. Arrow down moves to the results.",
        "Organisation, Abteilung, Ort oder Projekt. Pfeil nach unten führt zu den Ergebnissen.",
    ),
    // Loading
    ("Loading partner data…", "Partnerdaten werden geladen…"),
    // LoadFailed
    ("Partner data could not be loaded:", "Partnerdaten konnten nicht geladen werden:"),
    // MatchOne
    ("1 participation found", "1 Beteiligung gefunden"),
    // Matches
    ("{n} participations found", "{n} Beteiligungen gefunden"),
    // NoMatch
    ("No partner found", "Keine Partner gefunden"),
    // Relaxed
    (
        "{n} participations match some of the words (none matches all)",
        "{n} Beteiligungen passen zu einigen Wörtern (keine zu allen)",
    ),
    // ShowMore
    ("Show more results", "Weitere Ergebnisse zeigen"),
    // UseAsPartner
    ("Use as partner", "Als Partner übernehmen"),
    // Back
    ("Back to results", "Zurück zu den Ergebnissen"),
    // All
    ("All", "Alle"),
    // Filters
    ("Filters", "Filter"),
    // Results
    ("Results", "Ergebnisse"),
    // Department
    ("Department", "Abteilung"),
    // Address
    ("Address", "Adresse"),
    // Region
    ("Region", "Region"),
    // Status
    ("Legal status and type", "Rechtsstatus und Typ"),
    // Website
    ("Website", "Website"),
    // Projects
    ("Projects", "Projekte"),
    // Selected
    ("{name} selected as partner.", "{name} als Partner übernommen."),
    // FormFilled
    (
        "{name} added as a new partner in the form.",
        "{name} als neuer Partner ins Formular eingetragen.",
    ),
    // FormNotFilled
    (
        "The form could not be filled (not found or not loaded yet).",
        "Das Formular konnte nicht ausgefüllt werden (nicht gefunden oder noch nicht geladen).",
    ),
    // Attribution
    ("Partner and project data: ", "Partner- und Projektdaten: "),
    // AttributionChanges
    (
        " (Interact), reused with credit; here indexed and shown in search results.",
        " (Interact), mit Quellenangabe weiterverwendet; hier indexiert und in Suchergebnissen gezeigt.",
    ),
];

/// The UI language: the element's `lang`, else the page's, else English.
pub fn language(own: Option<String>, page: Option<String>) -> String {
    let lang = own.or(page).unwrap_or_default();
    let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
    if primary.len() == 2 { primary } else { "en".to_owned() }
}
