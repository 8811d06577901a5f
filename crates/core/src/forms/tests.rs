//! The forms engine: structural checks of form files, and every shipped form in `lessons/forms/`
//! filled correctly and then broken one rule at a time.
//!
//! A correct filling is built here from each field's kind and limits (see [`valid_value`]), not
//! stored in the form files: the files stay what authors write, and a new field kind cannot ship
//! without this test learning a correct value for it.

use std::{collections::BTreeMap, fs, path::PathBuf};

use super::*;
use DiagnosticCode::*;

const OTP: &str = "482913";

fn ctx() -> CheckContext {
    CheckContext { today: Date::new(2025, 6, 15).unwrap(), otp: Some(OTP.to_owned()) }
}

const MINIMAL: &str = r#"
id = "practice-form"
country = "al"
portal = "e-albania"
revision = 1
picture = "form-practice.svg"
languages = ["sq", "en"]
title = { sq = "Praktikë", en = "Practice" }
summary = { sq = "Një formular i vogël.", en = "A small form." }
service-steps = [{ text = { sq = "Hapni shërbimin.", en = "Open the service." } }]
next = { text = { sq = "Dokumenti do të vinte.", en = "The document would arrive." } }

[[pages]]
title = { sq = "Ju", en = "You" }

[[pages.fields]]
id = "nid"
kind = "personal-number"
country = "al"
required = true
label = { sq = "Numri personal", en = "Personal number" }
hint = { sq = "Në kartën e identitetit.", en = "On your ID card." }
example = "J65101123I"

[[pages.fields]]
id = "purpose"
kind = "choice"
required = true
label = { sq = "Për çfarë", en = "What for" }
options = [
  { value = "work", label = { sq = "Punë", en = "Work" } },
  { value = "school", label = { sq = "Shkollë", en = "School" } },
]
"#;

#[test]
fn the_minimal_form_parses() {
    let form = Form::from_toml(MINIMAL).unwrap();
    assert_eq!(form.fields().count(), 2);
    assert_eq!(form.title.get(Locale::Sq), "Praktikë");
    assert_eq!(form.title.get(Locale::Mk), "Practice", "a language the form lacks falls back to English");
    assert_eq!(form.locale_for(Locale::Sq), Locale::Sq);
    assert_eq!(form.locale_for(Locale::Sr), Locale::En);
}

#[test]
fn structural_problems_are_named() {
    // Each case replaces one piece of the minimal form.
    let check = |from: &str, to: &str, expect: FormError| {
        assert!(MINIMAL.contains(from), "test case must change something: {from:?}");
        let source = MINIMAL.replacen(from, to, 1);
        assert_eq!(Form::from_toml(&source), Err(expect), "replacing {from:?} with {to:?}");
    };
    let field = |s: &str| s.to_owned();
    check(
        r#"id = "practice-form""#,
        r#"id = "Practice Form""#,
        FormError::BadId { place: field("form id"), id: field("Practice Form") },
    );
    check(r#"id = "nid""#, r#"id = "nid_1""#, FormError::BadId { place: field("field id"), id: field("nid_1") });
    check(r#"id = "purpose""#, r#"id = "nid""#, FormError::DuplicateField(field("nid")));
    check("revision = 1", "revision = 0", FormError::BadRevision);
    check("form-practice.svg", "../practice.svg", FormError::BadPicture(field("../practice.svg")));
    check(r#"languages = ["sq", "en"]"#, "languages = []", FormError::NoLanguages);
    check(r#"languages = ["sq", "en"]"#, r#"languages = ["sq", "en", "sq"]"#, FormError::DuplicateLanguage(Locale::Sq));
    check(
        r#"title = { sq = "Praktikë", en = "Practice" }"#,
        r#"title = { sq = "Praktikë" }"#,
        FormError::MissingText { place: field("title"), locale: Locale::En },
    );
    check(r#"title = { sq = "Praktikë", en = "Practice" }"#, r#"title = { sq = "Praktikë", en = " " }"#, {
        FormError::MissingText { place: field("title"), locale: Locale::En }
    });
    check(r#"en = "On your ID card." }"#, r#"en = "On your ID card.", mk = "На личната карта." }"#, {
        FormError::ExtraText { place: field("field nid hint"), locale: Locale::Mk }
    });
    check(
        r#"{ sq = "Punë", en = "Work" }"#,
        r#"{ sq = "Punë" }"#,
        FormError::MissingText { place: field("field purpose option work"), locale: Locale::En },
    );
    check(
        r#"value = "school""#,
        r#"value = "work""#,
        FormError::DuplicateOption { field: field("purpose"), value: field("work") },
    );
    check(
        r#"service-steps = [{ text = { sq = "Hapni shërbimin.", en = "Open the service." } }]"#,
        "service-steps = []",
        FormError::NoServiceSteps,
    );
    check(
        r#"country = "al"
required"#,
        "required",
        FormError::MissingCountry(field("nid")),
    );
    check(
        r#"kind = "choice""#,
        r#"kind = "text""#,
        FormError::RuleNotForKind { field: field("purpose"), kind: FieldKind::Text, rule: "options" },
    );
    check(
        r#"example = "J65101123I""#,
        "example = \"J65101123I\"\nmin = 1",
        FormError::RuleNotForKind { field: field("nid"), kind: FieldKind::PersonalNumber, rule: "min or max" },
    );
    check(
        r#"example = "J65101123I""#,
        "example = \"J65101123I\"\nwhen = \"past\"",
        FormError::RuleNotForKind { field: field("nid"), kind: FieldKind::PersonalNumber, rule: "when" },
    );
    check(
        r#"example = "J65101123I""#,
        "example = \"J65101123I\"\nmax-length = 3",
        FormError::RuleNotForKind {
            field: field("nid"),
            kind: FieldKind::PersonalNumber,
            rule: "min-length or max-length",
        },
    );
    check(
        r#"kind = "personal-number""#,
        r#"kind = "phone""#,
        FormError::RuleNotForKind { field: field("nid"), kind: FieldKind::Phone, rule: "country" },
    );
}

#[test]
fn shape_errors_come_from_the_parser_with_the_place() {
    let check = |from: &str, to: &str, expect_in_message: &str| {
        assert!(MINIMAL.contains(from), "test case must change something: {from:?}");
        match Form::from_toml(&MINIMAL.replacen(from, to, 1)) {
            Err(FormError::Parse(message)) => {
                assert!(message.contains(expect_in_message), "{message:?} should mention {expect_in_message:?}")
            }
            other => panic!("replacing {from:?} with {to:?}: expected a parse error, got {other:?}"),
        }
    };
    check(r#"kind = "personal-number""#, r#"kind = "signature""#, "unknown variant `signature`");
    check("revision = 1", "revision = 1\nauthor = \"me\"", "unknown field `author`");
    check(r#"portal = "e-albania""#, r#"portal = "facebook""#, "unknown variant `facebook`");
    check(r#"languages = ["sq", "en"]"#, r#"languages = ["sq", "de"]"#, "unknown variant `de`");
    check("revision = 1", "revision = \"one\"", "revision");
}

#[test]
fn choices_without_options_and_phones_outside_albania_are_refused() {
    let no_options = MINIMAL.replacen("options = [", "unused = [", 1);
    assert!(matches!(Form::from_toml(&no_options), Err(FormError::Parse(_))), "unknown key is a parse error");
    let start = MINIMAL.find("options = [").unwrap();
    let end = MINIMAL[start..].find("]\n").unwrap() + start + 2;
    let no_options = format!("{}{}", &MINIMAL[..start], &MINIMAL[end..]);
    assert_eq!(Form::from_toml(&no_options), Err(FormError::ChoiceWithoutOptions("purpose".into())));

    let phone = MINIMAL.replacen(
        r#"kind = "personal-number"
country = "al""#,
        r#"kind = "phone""#,
        1,
    );
    assert!(Form::from_toml(&phone).is_ok(), "an Albanian form may ask for a phone");
    let phone_in_kosovo = phone.replacen(r#"country = "al""#, r#"country = "xk""#, 1);
    assert_eq!(Form::from_toml(&phone_in_kosovo), Err(FormError::PhoneOutsideAlbania("nid".into())));

    let bad_range = no_options.replacen(r#"kind = "choice""#, "kind = \"number\"\nmin = 5\nmax = 1", 1);
    assert_eq!(Form::from_toml(&bad_range), Err(FormError::BadRange("purpose".into())));
    let good_range = no_options.replacen(r#"kind = "choice""#, "kind = \"number\"\nmin = 1\nmax = 5", 1);
    assert!(Form::from_toml(&good_range).is_ok(), "a number with min below max is fine");
}

#[test]
fn an_empty_optional_field_passes_and_a_page_past_the_end_reports_nothing() {
    let source = MINIMAL.replacen("required = true", "required = false", 2);
    let form = Form::from_toml(&source).unwrap();
    assert_eq!(check_page(&form, 0, &BTreeMap::new(), &ctx()), Report::default());
    let form = Form::from_toml(MINIMAL).unwrap();
    assert_eq!(check_page(&form, 7, &BTreeMap::new(), &ctx()), Report::default());
    let report = check_all(&form, &BTreeMap::new(), &ctx());
    let codes: Vec<_> = report.problems.iter().map(|d| (d.field.as_str(), d.code)).collect();
    assert_eq!(codes, [("nid", Required), ("purpose", ChooseOne)], "every empty required field is reported");
}

// --- every shipped form ---

fn forms_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../lessons/forms")
}

fn shipped() -> Vec<(String, Form)> {
    let mut files: Vec<PathBuf> = fs::read_dir(forms_dir())
        .expect("lessons/forms exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let forms: Vec<(String, Form)> = files
        .iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let form = Form::from_toml(&fs::read_to_string(path).unwrap())
                .unwrap_or_else(|e| panic!("lessons/forms/{stem}.toml: {e}"));
            (stem, form)
        })
        .collect();
    assert!(forms.len() >= 6, "at least six practice services ship, found {}", forms.len());
    forms
}

/// A value every rule of `field` accepts, made from its kind and limits.
fn valid_value(field: &Field) -> String {
    match field.kind {
        FieldKind::Text => {
            let length = 5.clamp(field.min_length.unwrap_or(1), field.max_length.unwrap_or(u32::MAX));
            "a".repeat(length as usize)
        }
        FieldKind::Number => field.min.unwrap_or(1).min(field.max.unwrap_or(i64::MAX)).to_string(),
        FieldKind::Date => match field.when.unwrap_or_default() {
            When::Past => "1980-05-17",
            When::Future => "2030-01-31",
            When::Any => "2025-06-15",
        }
        .to_owned(),
        FieldKind::Choice => field.options[0].value.clone(),
        FieldKind::PersonalNumber => match field.country.unwrap() {
            Country::Al => "J65101123I",
            Country::Xk => "1234567892",
            Country::Mk => "0101985450006",
        }
        .to_owned(),
        FieldKind::Phone => "069 123 4567".to_owned(),
        FieldKind::Email => "drita.hoxha@example.com".to_owned(),
        FieldKind::Password => {
            let (min, max) = password_limits(field);
            format!("a1{}", "b".repeat(8.clamp(min, max) as usize - 2))
        }
        FieldKind::Otp => OTP.to_owned(),
        FieldKind::File => "photo.jpg".to_owned(),
    }
}

fn password_limits(field: &Field) -> (u32, u32) {
    (field.min_length.unwrap_or(rules::PASSWORD_MIN), field.max_length.unwrap_or(rules::PASSWORD_MAX))
}

/// For each rule of `field`: a value breaking just that rule, and the code it must produce.
fn rule_breakers(field: &Field) -> Vec<(String, DiagnosticCode)> {
    let mut cases: Vec<(String, DiagnosticCode)> = Vec::new();
    let mut add = |value: &str, code| cases.push((value.to_owned(), code));
    if field.required {
        let code = match field.kind {
            FieldKind::Choice => ChooseOne,
            FieldKind::File => FileMissing,
            _ => Required,
        };
        add("", code);
        add("   ", code);
    }
    match field.kind {
        FieldKind::Text => {
            if let Some(min) = field.min_length.filter(|m| *m > 1) {
                add(&"a".repeat(min as usize - 1), TextTooShort);
            }
            if let Some(max) = field.max_length {
                add(&"a".repeat(max as usize + 1), TextTooLong);
            }
        }
        FieldKind::Number => {
            add("two", NumberNotANumber);
            add("1.5", NumberNotANumber);
            if let Some(min) = field.min {
                add(&(min - 1).to_string(), NumberTooSmall);
            }
            if let Some(max) = field.max {
                add(&(max + 1).to_string(), NumberTooLarge);
            }
        }
        FieldKind::Date => {
            add("17.05.1980", DateFormat);
            add("2023-02-29", DateNotReal);
            match field.when.unwrap_or_default() {
                When::Past => add("2025-06-16", DateMustBePast),
                When::Future => add("2025-06-14", DateMustBeFuture),
                When::Any => {}
            }
        }
        FieldKind::Choice => add("no-such-option", ChoiceUnknown),
        FieldKind::PersonalNumber => match field.country.unwrap() {
            Country::Al => {
                add("J65101123", IdWrongLength);
                add("J6510112-I", IdBadCharacter);
                add("U65101123I", NidBadDecade);
                add("J61301123I", IdBadMonth);
                add("J65100123I", IdBadDay);
                add("J60431123I", IdBadDate);
                add("J65101123J", NidBadCheck);
            }
            Country::Xk => {
                add("123456789", IdWrongLength);
                add("12345A7892", IdBadCharacter);
                add("1234567893", KosovoCheckUnconfirmed);
            }
            Country::Mk => {
                add("010198545000", IdWrongLength);
                add("0101985A50006", IdBadCharacter);
                add("0113985450006", IdBadMonth);
                add("0001985450006", IdBadDay);
                add("3104985450006", IdBadDate);
                add("0101985450007", EmbgBadCheck);
                add("2503985451230", EmbgNeverIssued);
            }
        },
        FieldKind::Phone => {
            add("069 123 456", PhoneAlFormat);
            add("044 123 456", PhoneAlFormat);
        }
        FieldKind::Email => {
            add("drita.hoxha@example", EmailFormat);
            add("drita.hoxha.example.com", EmailFormat);
        }
        FieldKind::Password => {
            let (min, max) = password_limits(field);
            add(&format!("a1{}", "b".repeat(min as usize - 3)), PasswordLength);
            add(&format!("a1{}", "b".repeat(max as usize - 1)), PasswordLength);
            add(&"7".repeat(min as usize), PasswordNeedsLetter);
            add(&"b".repeat(min as usize), PasswordNeedsDigit);
        }
        FieldKind::Otp => {
            add("48291", OtpFormat);
            add("48291x", OtpFormat);
            add("000000", OtpWrong);
        }
        FieldKind::File => {}
    }
    cases
}

fn correct_filling(form: &Form) -> BTreeMap<String, String> {
    form.fields().map(|f| (f.id.clone(), valid_value(f))).collect()
}

#[test]
fn every_shipped_form_is_well_made() {
    let pictures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../lessons/pictures");
    for (stem, form) in shipped() {
        assert_eq!(form.id, stem, "a form's file is named after its id");
        assert!(form.languages.contains(&Locale::En), "{stem}: every service here has an English version");
        let svg = fs::read_to_string(pictures.join(&form.picture))
            .unwrap_or_else(|e| panic!("{stem}: picture {} must exist: {e}", form.picture));
        assert!(svg.len() < 4096, "{stem}: {} must stay under 4 KB", form.picture);
        assert!(svg.contains(r#"viewBox="0 0 320 240""#), "{stem}: pictures share one viewBox");
        let rest = svg.replace(r#"xmlns="http://www.w3.org/2000/svg""#, "");
        for banned in ["<text", "<script", "href", "http", "url(", "<image", "<foreignObject", " on"] {
            assert!(!rest.contains(banned), "{stem}: {} must not contain {banned:?}", form.picture);
        }
        for field in form.fields() {
            if let Some(example) = &field.example {
                assert_eq!(check_field(field, example, &ctx()), None, "{stem}: example of {} must pass", field.id);
            }
        }
    }
}

#[test]
fn a_correct_filling_passes_every_page_of_every_form() {
    for (stem, form) in shipped() {
        let values = correct_filling(&form);
        for page in 0..form.pages.len() {
            let report = check_page(&form, page, &values, &ctx());
            assert_eq!(report, Report::default(), "{stem}, page {}: the correct filling must pass", page + 1);
        }
        assert!(check_all(&form, &values, &ctx()).passes());
        for field in form.fields().filter(|f| !f.required) {
            let mut values = values.clone();
            values.remove(&field.id);
            assert_eq!(check_all(&form, &values, &ctx()), Report::default(), "{stem}: {} is optional", field.id);
        }
    }
}

#[test]
fn breaking_one_rule_reports_exactly_that_rule_on_that_field() {
    let mut seen = std::collections::BTreeSet::new();
    for (stem, form) in shipped() {
        let correct = correct_filling(&form);
        for field in form.fields() {
            for (value, code) in rule_breakers(field) {
                let mut values = correct.clone();
                values.insert(field.id.clone(), value.clone());
                let found: Vec<(String, DiagnosticCode)> =
                    check_all(&form, &values, &ctx()).problems.into_iter().map(|d| (d.field, d.code)).collect();
                assert_eq!(found, [(field.id.clone(), code)], "{stem}: {} = {value:?}", field.id);
                seen.insert(code);
            }
        }
    }
    // The shipped forms between them exercise the codes beginners meet most.
    for code in [Required, ChooseOne, IdWrongLength, NidBadCheck, EmbgBadCheck, PhoneAlFormat, DateMustBeFuture] {
        assert!(seen.contains(&code), "some shipped form should exercise {code:?}");
    }
}

#[test]
fn diagnostics_carry_their_limits() {
    let form = shipped().into_iter().map(|(_, f)| f).find(|f| f.id == "e-albania-registration").unwrap();
    let mut values = correct_filling(&form);
    values.insert("password".into(), "abc1".into());
    let report = check_all(&form, &values, &ctx());
    let en = report.localize(crate::i18n::Messages::embedded(), Locale::En);
    assert_eq!(en, [("password".to_owned(), "The password must have 8 to 12 signs.".to_owned())]);
}
