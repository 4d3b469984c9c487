//! `docker-auth`: the JSON value of `DOCKER_AUTH_CONFIG` for a runner's `environment`. The
//! password is read from standard input only, never from the command line (which other users
//! see in the process list).

use gitlab_runner_config::docker_auth::{docker_auth_config, DockerAuth};

use crate::args::Args;
use crate::commands::Failure;
use crate::host::Host;

pub fn command(host: &mut dyn Host, arguments: &[String]) -> Result<u8, Failure> {
    let args =
        Args::parse(arguments, &["--password-stdin"], &["--registry", "--username", "--cred-helper", "--creds-store"])?;
    if !args.files.is_empty() {
        return Err(Failure::Usage("docker-auth takes options only (the password comes from --password-stdin)".into()));
    }
    let password;
    let auth = match (
        args.value("--registry"),
        args.value("--username"),
        args.value("--cred-helper"),
        args.value("--creds-store"),
    ) {
        (Some(registry), Some(username), None, None) if args.flag("--password-stdin") => {
            let bytes = host.read("-").map_err(|e| Failure::Other(format!("stdin: {e}")))?;
            let text =
                String::from_utf8(bytes).map_err(|_| Failure::Other("stdin: the password is not UTF-8".into()))?;
            // As `docker login --password-stdin`: the line's end is not part of the password.
            password = text.strip_suffix('\n').map_or(text.as_str(), |t| t.strip_suffix('\r').unwrap_or(t)).to_owned();
            DockerAuth::Password { registry, username, password: &password }
        }
        (Some(_), Some(_), None, None) => return Err(Failure::Usage("--username needs --password-stdin".into())),
        (Some(registry), None, Some(helper), None) => DockerAuth::Helper { registry, helper },
        (None, None, None, Some(store)) => DockerAuth::Store { store },
        _ => return Err(Failure::Usage(
            "docker-auth takes --registry R with --username U --password-stdin or --cred-helper H, or --creds-store S"
                .into(),
        )),
    };
    let json = docker_auth_config(&auth).map_err(Failure::Usage)?;
    host.stdout(&format!("{json}\n"));
    Ok(0)
}
