//! The value of `DOCKER_AUTH_CONFIG`, the Docker client's `config.json` that gitlab-runner reads
//! from a runner's `environment` to pull images from private registries. The JSON is written
//! here (compact, keys in Docker's spelling), so every face gives the same text.

use crate::escape::write_json_string;

/// How the Docker client authenticates to a registry.
pub enum DockerAuth<'a> {
    /// `{"auths": {registry: {"auth": base64("username:password")}}}`.
    Password { registry: &'a str, username: &'a str, password: &'a str },
    /// `{"credHelpers": {registry: helper}}`: `docker-credential-<helper>` gives the credentials.
    Helper { registry: &'a str, helper: &'a str },
    /// `{"credsStore": store}`: `docker-credential-<store>` for every registry.
    Store { store: &'a str },
}

/// The JSON text, or why there is none (the message never holds the password).
pub fn docker_auth_config(auth: &DockerAuth) -> Result<String, String> {
    let mut out = String::new();
    match auth {
        DockerAuth::Password { registry, username, password } => {
            named("registry", registry)?;
            named("username", username)?;
            if username.contains(':') {
                return Err("username: a Docker registry username cannot hold ':'".into());
            }
            out.push_str("{\"auths\":{");
            write_json_string(&mut out, registry);
            out.push_str(":{\"auth\":");
            write_json_string(&mut out, &base64(format!("{username}:{password}").as_bytes()));
            out.push_str("}}}");
        }
        DockerAuth::Helper { registry, helper } => {
            named("registry", registry)?;
            named("helper", helper)?;
            out.push_str("{\"credHelpers\":{");
            write_json_string(&mut out, registry);
            out.push(':');
            write_json_string(&mut out, helper);
            out.push_str("}}");
        }
        DockerAuth::Store { store } => {
            named("store", store)?;
            out.push_str("{\"credsStore\":");
            write_json_string(&mut out, store);
            out.push('}');
        }
    }
    Ok(out)
}

fn named(what: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        Err(format!("{what}: must not be empty"))
    } else {
        Ok(())
    }
}

/// Standard base64 with padding, as the Docker client writes `auth`.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_docker_writes_it() {
        assert_eq!(base64(b"user:pass"), "dXNlcjpwYXNz");
        assert_eq!(base64(b"a:"), "YTo=");
        assert_eq!(base64(b"ab:"), "YWI6");
        assert_eq!(base64(b"a:bc"), "YTpiYw==");
    }

    #[test]
    fn each_form() {
        let password =
            DockerAuth::Password { registry: "registry.example.com:5000", username: "ci", password: "p\"w\\" };
        assert_eq!(
            docker_auth_config(&password).unwrap(),
            r#"{"auths":{"registry.example.com:5000":{"auth":"Y2k6cCJ3XA=="}}}"#
        );
        let helper = DockerAuth::Helper { registry: "123.dkr.ecr.eu-west-1.amazonaws.com", helper: "ecr-login" };
        assert_eq!(
            docker_auth_config(&helper).unwrap(),
            r#"{"credHelpers":{"123.dkr.ecr.eu-west-1.amazonaws.com":"ecr-login"}}"#
        );
        assert_eq!(docker_auth_config(&DockerAuth::Store { store: "pass" }).unwrap(), r#"{"credsStore":"pass"}"#);
        let bad = DockerAuth::Password { registry: "r", username: "a:b", password: "secret" };
        assert_eq!(docker_auth_config(&bad).unwrap_err(), "username: a Docker registry username cannot hold ':'");
    }
}
