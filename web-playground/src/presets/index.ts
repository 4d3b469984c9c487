// Starting points from real setups. Each is a TOML file beside this one; the browser test
// checks each one's preview against the Python face's rendering in tests/golden/presets/.
import custom from './custom.toml?raw';
import dockerAutoscalerAws from './docker-autoscaler-aws.toml?raw';
import dockerInDocker from './docker-in-docker.toml?raw';
import dockerMachine from './docker-machine.toml?raw';
import guideDockerS3 from './guide-docker-s3.toml?raw';
import kubernetes from './kubernetes.toml?raw';
import shell from './shell.toml?raw';

export interface Preset {
  id: string;
  title: string;
  text: string;
}

export const PRESETS: Preset[] = [
  { id: 'guide-docker-s3', title: 'Docker with an S3 cache (user guide)', text: guideDockerS3 },
  { id: 'kubernetes', title: 'Kubernetes: volumes, resources, node selector', text: kubernetes },
  { id: 'docker-autoscaler-aws', title: 'docker-autoscaler on AWS with a policy', text: dockerAutoscalerAws },
  { id: 'docker-in-docker', title: 'Docker-in-docker with TLS and a private registry', text: dockerInDocker },
  { id: 'shell', title: 'Shell runner', text: shell },
  { id: 'custom', title: 'Custom executor', text: custom },
  { id: 'docker-machine', title: 'docker+machine (deprecated)', text: dockerMachine },
];

export function fillPresetPicker(select: HTMLSelectElement): void {
  for (const preset of PRESETS) {
    const option = document.createElement('option');
    option.value = preset.id;
    option.textContent = preset.title;
    select.append(option);
  }
}

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
