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
    let de = lang == "de";
    match t {
        T::SearchLabel => pick(de, "Search partners", "Partner suchen"),
        T::SearchHint => pick(
            de,
            "Organisation, department, town or project. Arrow down moves to the results.",
            "Organisation, Abteilung, Ort oder Projekt. Pfeil nach unten führt zu den Ergebnissen.",
        ),
        T::Loading => pick(de, "Loading partner data…", "Partnerdaten werden geladen…"),
        T::LoadFailed => pick(
            de,
            "Partner data could not be loaded:",
            "Partnerdaten konnten nicht geladen werden:",
        ),
        T::MatchOne => pick(de, "1 participation found", "1 Beteiligung gefunden"),
        T::Matches => pick(de, "{n} participations found", "{n} Beteiligungen gefunden"),
        T::NoMatch => pick(de, "No partner found", "Keine Partner gefunden"),
        T::Relaxed => pick(
            de,
            "{n} participations match some of the words (none matches all)",
            "{n} Beteiligungen passen zu einigen Wörtern (keine zu allen)",
        ),
        T::ShowMore => pick(de, "Show more results", "Weitere Ergebnisse zeigen"),
        T::UseAsPartner => pick(de, "Use as partner", "Als Partner übernehmen"),
        T::Back => pick(de, "Back to results", "Zurück zu den Ergebnissen"),
        T::All => pick(de, "All", "Alle"),
        T::Filters => pick(de, "Filters", "Filter"),
        T::Results => pick(de, "Results", "Ergebnisse"),
        T::Department => pick(de, "Department", "Abteilung"),
        T::Address => pick(de, "Address", "Adresse"),
        T::Region => pick(de, "Region", "Region"),
        T::Status => pick(de, "Legal status and type", "Rechtsstatus und Typ"),
        T::Website => pick(de, "Website", "Website"),
        T::Projects => pick(de, "Projects", "Projekte"),
        T::Selected => pick(de, "{name} selected as partner.", "{name} als Partner übernommen."),
        T::FormFilled => pick(
            de,
            "{name} added as a new partner in the form.",
            "{name} als neuer Partner ins Formular eingetragen.",
        ),
        T::FormNotFilled => pick(
            de,
            "The form could not be filled (not found or not loaded yet).",
            "Das Formular konnte nicht ausgefüllt werden (nicht gefunden oder noch nicht geladen).",
        ),
        T::Attribution => pick(de, "Partner and project data: ", "Partner- und Projektdaten: "),
        T::AttributionChanges => pick(
            de,
            " (Interact), reused with credit; here indexed and shown in search results.",
            " (Interact), mit Quellenangabe weiterverwendet; hier indexiert und in Suchergebnissen gezeigt.",
        ),
    }
}

fn pick(de: bool, en: &'static str, de_text: &'static str) -> &'static str {
    if de { de_text } else { en }
}

/// The UI language: the element's `lang`, else the page's, else English.
pub fn language(own: Option<String>, page: Option<String>) -> String {
    let lang = own.or(page).unwrap_or_default();
    let primary = lang.split('-').next().unwrap_or("").to_ascii_lowercase();
    if primary.len() == 2 { primary } else { "en".to_owned() }
}
