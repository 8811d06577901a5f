//! The `mcommunity` command line, run as a real process: what it prints and its exit codes.

use std::process::Command;

/// Runs `mcommunity args…` and returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_mcommunity")).args(args).output().unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (output.status.code().expect("the command exits by itself"), text(output.stdout), text(output.stderr))
}

#[test]
fn validate_id() {
    // (arguments, exit code, what stdout must be)
    let check = |args: &[&str], code: i32, stdout: &str| {
        let (got_code, got_stdout, stderr) = run(args);
        assert_eq!((got_code, got_stdout.trim_end()), (code, stdout), "mcommunity {args:?}; stderr: {stderr}");
    };
    check(&["validate-id", "al", "j6 5101 123i"], 0, "valid: J65101123I (born 1996-01-01)");
    check(&["validate-id", "mk", "0101985450006"], 0, "valid: 0101985450006 (born 1985-01-01)");
    check(&["validate-id", "xk", "1234567892"], 0, "valid: 1234567892");
    check(
        &["validate-id", "xk", "1234567893"],
        0,
        "valid: 1234567893\nnote: Please check this number against your ID card. If it is the same, you can go on.",
    );
    check(&["validate-id", "al", "J65101123"], 1, "invalid: The personal number has 10 signs. You wrote 9.");
    check(
        &["validate-id", "al", "J65101123J"],
        1,
        "invalid: The last letter does not match the other signs. Look for a typing mistake.",
    );
    check(
        &["validate-id", "mk", "2503985451230", "--lang", "mk"],
        1,
        "invalid: Никој нема ваков број. Побарајте грешка при пишување.",
    );
    check(&["--lang", "sq", "validate-id", "al", ""], 1, "invalid: Shkruani numrin personal.");
}

#[test]
fn usage_errors_exit_2_with_the_usage_text() {
    for args in [
        &[][..],
        &["validate-id", "al"],
        &["validate-id", "rs", "123"],
        &["validate-id", "al", "J65101123I", "extra"],
        &["check", "al", "J65101123I"],
        &["validate-id", "al", "J65101123I", "--lang", "de"],
        &["validate-id", "al", "J65101123I", "--lang"],
        &["validate-id", "al", "J65101123I", "--verbose"],
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 2, "mcommunity {args:?} is a usage error");
        assert!(stdout.is_empty(), "mcommunity {args:?}: a usage error prints nothing on stdout");
        assert!(stderr.starts_with("error: "), "mcommunity {args:?}: says what is wrong first: {stderr}");
        assert!(stderr.contains("Usage: mcommunity validate-id"), "mcommunity {args:?}: shows the usage");
    }
}

#[test]
fn help_prints_the_usage_and_succeeds() {
    for flag in ["--help", "-h"] {
        let (code, stdout, _) = run(&[flag]);
        assert_eq!(code, 0);
        assert!(stdout.starts_with("Usage: mcommunity validate-id <al|xk|mk> <VALUE>"), "{stdout}");
    }
}
