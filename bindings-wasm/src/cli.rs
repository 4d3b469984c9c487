//! The npm package's `gitlab-runner-config` command (Node only, feature `cli`): the same
//! command code as the native binary, over the host functions `bin/gitlab-runner-config.js`
//! gives (Node's `fs`, `process.env`, the standard streams), since WebAssembly does no I/O.

use gitlab_runner_config_cli::{run, Host};
use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `{ read, write, list, mode, env, stdout, stderr }`: each answers a value or throws the
/// reason as a string (`No such file or directory (os error 2)`), the way Rust says it.
struct JsHost {
    functions: JsValue,
}

impl JsHost {
    fn call(&self, name: &str, arguments: &[JsValue]) -> Result<JsValue, String> {
        let function: Function = Reflect::get(&self.functions, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(|| format!("the host gives no function {name}"))?;
        let arguments: Array = arguments.iter().collect();
        function
            .apply(&self.functions, &arguments)
            .map_err(|reason| reason.as_string().unwrap_or_else(|| format!("{name} failed")))
    }
}

impl Host for JsHost {
    fn read(&mut self, file: &str) -> Result<Vec<u8>, String> {
        let bytes = self.call("read", &[file.into()])?;
        Ok(Uint8Array::new(&bytes).to_vec())
    }

    fn write(&mut self, file: &str, text: &str) -> Result<(), String> {
        self.call("write", &[file.into(), text.into()]).map(drop)
    }

    fn list(&mut self, folder: &str) -> Result<Vec<String>, String> {
        let names = self.call("list", &[folder.into()])?;
        Ok(Array::from(&names).iter().filter_map(|name| name.as_string()).collect())
    }

    fn mode(&mut self, path: &str) -> Result<u32, String> {
        let mode = self.call("mode", &[path.into()])?;
        mode.as_f64().map(|m| m as u32).ok_or_else(|| "no mode".into())
    }

    fn env(&mut self, name: &str) -> Option<String> {
        self.call("env", &[name.into()]).ok().and_then(|value| value.as_string())
    }

    fn stdout(&mut self, text: &str) {
        let _ = self.call("stdout", &[text.into()]);
    }

    fn stderr(&mut self, text: &str) {
        let _ = self.call("stderr", &[text.into()]);
    }
}

/// Runs one command line (without the program's name) over `host`; returns the exit status.
#[wasm_bindgen(js_name = cliMain)]
pub fn cli_main(arguments: Vec<String>, host: JsValue) -> u8 {
    run(&mut JsHost { functions: host }, &arguments)
}
