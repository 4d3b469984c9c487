// Well-typed use of the package: `tsc --strict` must accept it.
import { format, parse, render, validate, type Config, type Diagnostic } from '@wetwire/gitlab-runner-config';

const config: Config = {
  concurrent: 4,
  log_level: 'info',
  runners: [
    {
      name: 'docker',
      url: 'https://gitlab.example.com/',
      token: '${RUNNER_TOKEN}',
      executor: 'docker-autoscaler',
      docker: { image: 'alpine', pull_policy: ['always', 'if-not-present'], sysctls: { 'net.ipv4.ip_forward': '1' } },
      autoscaler: { plugin: 'aws', max_instances: 10, policy: [{ idle_count: 1, idle_time: '20m' }] },
      cache: { Type: 's3', s3: { BucketName: 'cache', AccessKey: '${KEY}' } },
      'tls-ca-file': '/etc/ssl/ca.pem',
    },
  ],
};
const text: string = render(config, { strict: true });
const back: Config = parse(format(text));
const findings: Diagnostic[] = validate(back);
const first: string | undefined = findings[0]?.code;
console.log(text, first);
