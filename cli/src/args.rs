//! The few options the commands take, parsed by hand: four commands do not need a framework.

use crate::commands::Failure;

/// Options and positional arguments of one command.
pub struct Args {
    flags: Vec<String>,
    options: Vec<(String, String)>,
    pub files: Vec<String>,
}

impl Args {
    /// `flags` take no value (`--check`); `options` take one (`--format json`, `--format=json`).
    /// `-h` or `--help` anywhere asks for the usage.
    pub fn parse(arguments: &[String], flags: &[&str], options: &[&str]) -> Result<Args, Failure> {
        let mut args = Args { flags: Vec::new(), options: Vec::new(), files: Vec::new() };
        let mut iter = arguments.iter();
        while let Some(argument) = iter.next() {
            if argument == "-h" || argument == "--help" {
                return Err(Failure::Help);
            }
            if argument == "-" || !argument.starts_with('-') {
                args.files.push(argument.clone());
            } else if flags.contains(&argument.as_str()) {
                args.flags.push(argument.clone());
            } else {
                let (name, inline) = match argument.split_once('=') {
                    Some((name, value)) => (name, Some(value.to_owned())),
                    None => (argument.as_str(), None),
                };
                if !options.contains(&name) {
                    return Err(Failure::Usage(format!("unknown option {argument}")));
                }
                let value = match inline {
                    Some(value) => value,
                    None => iter.next().cloned().ok_or_else(|| Failure::Usage(format!("{name} needs a value")))?,
                };
                args.options.push((name.to_owned(), value));
            }
        }
        Ok(args)
    }

    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// The option's value as given (the last one when repeated).
    pub fn value(&self, name: &str) -> Option<&str> {
        self.options.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The option's value, checked against the accepted ones.
    pub fn choice(&self, name: &str, accepted: &[&str], default: Option<&str>) -> Result<String, Failure> {
        let value = self.options.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str()).or(default);
        match value {
            Some(v) if accepted.contains(&v) => Ok(v.to_owned()),
            Some(v) => Err(Failure::Usage(format!("{name} {v}: expected one of {}", accepted.join(", ")))),
            None => Err(Failure::Usage(format!("{name} is required"))),
        }
    }
}
