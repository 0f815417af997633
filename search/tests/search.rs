//! Search behaviour over the fixtures: folding, prefixes, typos, all words
//! with a relaxed fallback, field-weighted ranking, filters, facets, the
//! organisation view and the synergy finder.

mod common;

use common::names;
use hitforms_search::facets::Facet;
use hitforms_search::{Dataset, Filters, Index, Partner, Project, Query};

fn q(text: &str) -> Query {
    Query::new(text)
}

#[test]
fn folds_case_and_diacritics_and_finds_mojibake() {
    let index = common::index();
    let found = names(&index, &q("padagogische"));
    assert!(found.contains(&"Pädagogische Hochschule Salzburg".to_owned()), "{found:?}");
    // The mojibake spelling is kept as given and still found by its repair.
    assert!(found.contains(&"PÃ¤dagogische Akademie Linz".to_owned()), "{found:?}");
    assert_eq!(names(&index, &q("PÄDAGOGISCHE HOCHSCHULE")), ["Pädagogische Hochschule Salzburg"]);
    assert_eq!(names(&index, &q("umea")), ["Umeå universitet"]);
}

#[test]
fn the_last_word_is_a_prefix_while_typing() {
    let index = common::index();
    assert_eq!(names(&index, &q("pädag hoch")), ["Pädagogische Hochschule Salzburg"]);
    // A trailing space ends the word: no prefix, and three letters allow no typo.
    assert!(names(&index, &q("hoch ")).is_empty());
    let mut exact = q("hoch");
    exact.prefix = false;
    assert!(names(&index, &exact).is_empty());
}

#[test]
fn typos_are_tolerated_by_word_length() {
    let index = common::index();
    assert_eq!(names(&index, &q("univrsitat passau")), ["Universität Passau"]);
    assert_eq!(names(&index, &q("Unvrsitat ")), ["Universität Passau"], "two typos in 10 letters");
    assert_eq!(names(&index, &q("pasau ")), ["Universität Passau"], "one typo in 5 letters");
    assert!(names(&index, &q("psau ")).is_empty(), "4 letters: one typo only");
    assert!(names(&index, &q("lnz ")).is_empty(), "3 letters: no typo");
}

#[test]
fn exact_words_outrank_prefixes_outrank_typos() {
    let projects = vec![Project::default()];
    let partners = vec![
        partner("Haren Haren", "", ""),
        partner("Hafenfest Papenburg", "", ""),
        partner("Hafen Papenburg", "", ""),
    ];
    let index = Index::new(Dataset::from_parts(projects, partners));
    let order: Vec<u32> = index.search(&q("hafen")).hits.iter().map(|h| h.doc).collect();
    assert_eq!(order, [2, 1, 0]);
}

#[test]
fn all_words_must_match_else_the_results_are_relaxed() {
    let index = common::index();
    let r = index.search(&q("museum trento"));
    assert!(!r.relaxed);
    assert_eq!(r.total, 2);
    let r = index.search(&q("maribor qqqqqqqq"));
    assert!(r.relaxed);
    assert!(r.hits.iter().all(|h| h.matched == 1));
    assert!(r.total >= 2);
    let r = index.search(&q("qqqqqqqq"));
    assert!(!r.relaxed);
    assert_eq!(r.total, 0);
}

fn partner(name: &str, department: &str, town: &str) -> Partner {
    Partner {
        organisation: name.into(),
        department: department.into(),
        town: town.into(),
        ..Partner::default()
    }
}

#[test]
fn ranks_name_above_department_above_town() {
    let projects = vec![Project::default()];
    let partners = vec![
        partner("Chamber of Crafts", "Office", "Salzburg"),
        partner("Chamber of Crafts", "Salzburg Office", "Linz"),
        partner("Salzburg Chamber of Crafts", "Office", "Linz"),
    ];
    let index = Index::new(Dataset::from_parts(projects, partners));
    let order: Vec<u32> = index.search(&q("salzburg")).hits.iter().map(|h| h.doc).collect();
    assert_eq!(order, [2, 1, 0]);
}

#[test]
fn filters_narrow_and_facets_count() {
    let index = common::index();
    let with = |f: Filters| {
        let mut query = q("");
        query.filters = f;
        names(&index, &query)
    };
    let si = with(Filters { country: Some("si".into()), ..Filters::default() });
    assert_eq!(si, ["Municipality of Maribor", "Erfurt Chamber of Crafts"]);
    let deg = with(Filters { nuts: Some("deg".into()), ..Filters::default() });
    assert_eq!(deg, ["Association for Rural Development Thuringia, Erfurt"]);
    let authority =
        Filters { partner_type: Some("REGIONAL PUBLIC AUTHORITY".into()), ..Filters::default() };
    assert_eq!(with(authority), ["BioFuel Region BFR AB", "Umeå universitet"]);
    let rso = Filters {
        objective: Some("RSO1.1".into()),
        period: Some("2021-2027".into()),
        ..Filters::default()
    };
    assert_eq!(with(rso).len(), 2);
    let private = Filters { legal_status: Some("Private".into()), ..Filters::default() };
    assert_eq!(with(private), ["Erfurt Chamber of Crafts"]);
    assert!(with(Filters { country: Some("XX".into()), ..Filters::default() }).is_empty());
    let all = with(Filters::default()).len();
    assert_eq!(
        with(Filters { country: Some(" ".into()), nuts: Some("".into()), ..Filters::default() })
            .len(),
        all
    );

    let mut query = q("erfurt");
    query.filters.country = Some("DE".into());
    assert_eq!(names(&index, &query), ["Association for Rural Development Thuringia, Erfurt"]);

    let r = index.search(&q("museum"));
    let countries = &r.facets.iter().find(|(f, _)| *f == Facet::Country).unwrap().1;
    assert_eq!(countries, &[("IT".to_owned(), 2)]);
    let r = index.search(&q(""));
    let types = &r.facets.iter().find(|(f, _)| *f == Facet::PartnerType).unwrap().1;
    assert_eq!(
        types[0],
        ("Regional public authority".to_owned(), 2),
        "spellings grouped: {types:?}"
    );
}

#[test]
fn groups_an_organisations_participations() {
    let index = common::index();
    let r = index.search(&q("museum"));
    let orgs = index.group(&r.hits);
    assert_eq!(orgs.len(), 1, "{orgs:?}");
    assert_eq!(orgs[0].participations.len(), 2);
    assert_eq!(index.participations_of(r.hits[0].doc).len(), 2);
}

#[test]
fn finds_similar_projects_and_says_why() {
    let index = common::index();
    let similar =
        index.similar("We want to replace oil boilers with heat pumps in rural villages.", 3);
    let first = &similar[0];
    assert_eq!(index.data.projects[first.project as usize].acronym, "HEATWISE");
    for term in ["heat", "pumps", "boilers"] {
        assert!(first.shared.contains(&term.to_owned()), "{:?}", first.shared);
    }
    assert_eq!(first.partners.len(), 3);
    assert!(similar.windows(2).all(|w| w[0].score >= w[1].score));
    let teaching = index.similar("joint courses for teacher training in digital education", 1);
    assert_eq!(index.data.projects[teaching[0].project as usize].acronym, "EDU-NET");
    assert!(index.similar("", 5).is_empty());
}
