// Each line marked with an expect comment is a type error tsc must report.
import { render, type Config } from '@wetwire/gitlab-runner-config';

const wrongType: Config = { concurrent: '4' }; // expect: concurrent
const unknownKey: Config = { runners: [{ buids_dir: '/b' }] }; // expect: buids_dir
const badExecutor: Config = { runners: [{ executor: 'docker-ssh' }] }; // expect: executor
const badEnum: Config = { log_level: 'verbose' }; // expect: log_level
render(wrongType, { strict: 'yes' }); // expect: strict
console.log(unknownKey, badExecutor, badEnum);
