/**
 * What going live takes on each product and version: the install directory, the daemons' names and their
 * test mode, the control script, agent_control's options and the 4.x API's endpoints, each with the source
 * it was read from. Like the target profiles, what changes between releases is a threshold in one table;
 * the plan (deploy-plan.ts) only reads these facts.
 */

import type { Product, TargetProfile } from '../targets/target';
import { type Citation, REPO, sourceRef } from './sources';

export type DeployRole = 'manager' | 'agent' | 'local';

export const DEPLOY_ROLES: readonly DeployRole[] = ['manager', 'agent', 'local'];

export interface Fact<T> {
  value: T;
  sources: Citation[];
}

/** The Wazuh 4.x API calls the panel writes as `curl` commands (api/api/spec/spec.yaml of each release). */
export interface ApiFacts {
  spec: Citation;
  /** The API's own default address and its stock administrator (the password is never written here). */
  defaults: { url: Fact<string>; user: Fact<string> };
  /** `POST` since 4.4 (`GET` is then deprecated); `GET` before. */
  login: Fact<'GET' | 'POST'>;
  /** Where the new ossec.conf is uploaded: the configuration endpoint, or the file endpoint of 4.0–4.1.0. */
  upload: Fact<'configuration' | 'files'>;
  /** The upload is read as UTF-8 and refused with error 1911 otherwise (4.1.1+). */
  uploadUtf8Only: Citation | null;
  /** What a patch release of this minor version does differently. */
  uploadNote: string | null;
  validate: Fact<string>;
  restart: Fact<string>;
  /** `PUT /active-response`: how the source IP reaches the script, and the ar.conf name check. */
  run: Fact<'alert' | 'arguments'>;
  runName: Citation;
  listManager: Fact<string>;
  listAgent: Fact<string>;
}

/** What a manager or local install needs: analysisd reads the `<command>` and `<active-response>` blocks. */
export interface ManagerFacts {
  analysisd: Fact<string>;
  /** Where the manager writes ar.conf; agents receive it at the same path. */
  arConf: Fact<string>;
  /** The control script of a manager and of a local install; its `restart` runs every daemon's `-t` first. */
  control: { manager: Fact<string>; local: Fact<string> };
  /** `-t` rewrites ar.conf from the file it reads, as a start does. */
  testRewritesArConf: Citation;
  agentControl: {
    run: Fact<string>;
    /** `-b` hands the response to remoted, which a local install does not run. */
    needsRemoted: Citation;
    list: Fact<string>;
    /** `-a` runs a response on every agent (Wazuh 3.1+). */
    allAgents: boolean;
    /** agent_control looks the name up in ar.conf and refuses an unknown one (Wazuh 3.1+); older ones send it anyway. */
    checksName: Citation | null;
  };
  api: ApiFacts | null;
}

/** What an agent needs: its execd reads `disabled` and `repeated_offenders` from its own ossec.conf. */
export interface AgentFacts {
  execd: Fact<string>;
  control: Fact<string>;
  /** Where the manager's ar.conf arrives; none on Wazuh 5.0. */
  arConf: Fact<string> | null;
}

export interface DeployFacts {
  target: TargetProfile;
  installDir: Fact<string>;
  configFile: Fact<string>;
  /** `null` when the manager reads no active response from its XML file (Wazuh 5.0): `managerWithoutXml` says why. */
  manager: ManagerFacts | null;
  managerWithoutXml: Fact<string> | null;
  agent: AgentFacts;
}

type WazuhChange =
  | 'agentControlAll'
  | 'api'
  | 'apiUploadConfiguration'
  | 'wazuhNames'
  | 'apiAlertBody'
  | 'execdMain'
  | 'apiLoginPost'
  | 'managerWithoutXml';

/** First Wazuh version with each change, as read in the source at the release tags (sources.ts). */
const WAZUH_SINCE: Record<WazuhChange, string> = {
  agentControlAll: '3.1',
  api: '4.0',
  apiUploadConfiguration: '4.1',
  wazuhNames: '4.2',
  apiAlertBody: '4.2',
  execdMain: '4.4',
  apiLoginPost: '4.4',
  managerWithoutXml: '5.0',
};

/** Patch releases whose API differs from the newest patch of their minor version, which the facts follow. */
const API_PATCH_NOTES: Record<string, string> = {
  '4.1':
    'Wazuh 4.1.0 still uploads with PUT /manager/files?path=etc/ossec.conf&overwrite=true; PUT /manager/configuration arrived in 4.1.1.',
};

function atLeast(target: TargetProfile, threshold: string): boolean {
  const [major, minor] = threshold.split('.').map(Number);
  const v = target.version;
  return v.major > major || (v.major === major && v.minor >= minor);
}

type Cite = (path: string, quote: string) => Citation;

function citer(product: Product, ref: string): Cite {
  return (path, quote) => ({ repo: REPO[product], ref, path, quote });
}

const TEST_FLAG = '-t Test configuration';

/**
 * agent_control as each release prints its usage: `-a` (every agent) and the check of the name against
 * ar.conf arrived together in Wazuh 3.1; `runGuard` is the condition under which it runs a response.
 */
function agentControlFacts(cite: Cite, all: boolean, runGuard: string): ManagerFacts['agentControl'] {
  const file = 'src/util/agent_control.c';
  return {
    needsRemoted: cite(file, 'Unable to connect to remoted.'),
    run: {
      value: 'agent_control',
      sources: [
        cite(file, '-b <ip> Blocks the specified ip address.'),
        all
          ? cite(
              file,
              '-f <ar> -u <id> Used with -b, specifies which response to run. Apply AR on specified agent.',
            )
          : cite(file, '-f <ar> Used with -b, specifies which response to run.'),
        cite(file, runGuard),
      ],
    },
    list: { value: 'agent_control', sources: [cite(file, '-L List available active responses.')] },
    allAgents: all,
    checksName: all ? cite(file, 'Selected active response does not exist') : null,
  };
}

function ossecFacts(target: TargetProfile, cite: Cite): DeployFacts {
  const old = target.version.major < 3;
  // OSSEC 2.8 builds each daemon from its own Makefile and prints the shared help text.
  const daemon = (dir: string, name: string, help: string): Fact<string> => ({
    value: name,
    sources: old
      ? [cite(`src/${dir}/Makefile`, `NAME=${name}`), cite('src/shared/help.c', TEST_FLAG)]
      : [cite('src/Makefile', `${name}:`), cite(help, TEST_FLAG)],
  });
  const control = (script: string, installer: string): Fact<string> => ({
    value: 'ossec-control',
    sources: [
      old
        ? cite(installer, `cp -pr ./init/${script} \${DIR}/bin/ossec-control`)
        : cite('src/Makefile', `\${OSSEC_CONTROL_SRC} \${PREFIX}/bin/ossec-control`),
      cite(`src/init/${script}`, `\${DIR}/bin/\${i} -t`),
    ],
  });
  const arConf: Fact<string> = {
    value: '/var/ossec/etc/shared/ar.conf',
    sources: [
      cite('src/headers/defs.h', '#define DEFAULTAR "/etc/shared/ar.conf"'),
      cite('src/config/active-response.c', '"%s - %s - %d\\n"'),
    ],
  };
  return {
    target,
    installDir: {
      value: '/var/ossec',
      sources: [cite('src/headers/defs.h', '#define DEFAULTDIR "/var/ossec"')],
    },
    configFile: {
      value: '/var/ossec/etc/ossec.conf',
      sources: [cite('src/headers/defs.h', '#define OSSECCONF "/etc/ossec.conf"')],
    },
    manager: {
      analysisd: daemon('analysisd', 'ossec-analysisd', 'src/analysisd/analysisd.c'),
      arConf,
      testRewritesArConf: cite(
        'src/analysisd/active-response.c',
        old ? '/* Cleaning ar file */' : '/* Clean ar file */',
      ),
      control: {
        manager: control('ossec-server.sh', 'src/InstallServer.sh'),
        local: control('ossec-local.sh', 'src/InstallServer.sh'),
      },
      agentControl: agentControlFacts(cite, false, 'ip_address && ar && agent_id'),
      api: null,
    },
    managerWithoutXml: null,
    agent: {
      execd: daemon('os_execd', 'ossec-execd', 'src/os_execd/execd.c'),
      control: control('ossec-client.sh', 'src/InstallAgent.sh'),
      arConf,
    },
  };
}

function wazuhApi(target: TargetProfile, cite: Cite): ApiFacts {
  const since = (change: WazuhChange) => atLeast(target, WAZUH_SINCE[change]);
  const spec = 'api/api/spec/spec.yaml';
  const op = (id: string) => cite(spec, `operationId: api.controllers.${id}`);
  const configuration = since('apiUploadConfiguration');
  return {
    spec: cite(spec, '/security/user/authenticate:'),
    defaults: {
      url: { value: 'https://localhost:55000', sources: [cite(spec, "default: '55000'")] },
      user: {
        value: 'wazuh',
        sources: [cite('framework/wazuh/rbac/default/users.yaml', 'description: Superuser of Wazuh.')],
      },
    },
    login: since('apiLoginPost')
      ? { value: 'POST', sources: [op('security_controller.deprecated_login_user')] }
      : { value: 'GET', sources: [op('security_controller.login_user')] },
    upload: configuration
      ? { value: 'configuration', sources: [op('manager_controller.update_configuration')] }
      : {
          value: 'files',
          sources: [
            op('manager_controller.put_files'),
            cite('api/api/validator.py', "_edit_files_path = re.compile(r'^etc\\/(ossec\\.conf"),
          ],
        },
    uploadUtf8Only: configuration
      ? cite('api/api/controllers/manager_controller.py', 'Body.decode_body(body, unicode_error=1911')
      : null,
    uploadNote: API_PATCH_NOTES[`${target.version.major}.${target.version.minor}`] ?? null,
    validate: {
      value: '/manager/configuration/validation',
      sources: [op('manager_controller.get_conf_validation')],
    },
    restart: { value: '/manager/restart', sources: [op('manager_controller.put_restart')] },
    run: since('apiAlertBody')
      ? {
          value: 'alert',
          sources: [
            op('active_response_controller.run_command'),
            cite(spec, 'description: "Alert data depending on the'),
          ],
        }
      : {
          value: 'arguments',
          sources: [
            op('active_response_controller.run_command'),
            cite(spec, 'description: "Command arguments"'),
          ],
        },
    runName: cite('framework/wazuh/core/active_response.py', 'cmd = line.split(" - ")[0]'),
    listManager: {
      value: '/manager/configuration/analysis/active_response',
      sources: [
        cite(spec, '/manager/configuration/{component}/{configuration}:'),
        cite(spec, '<td>active_response</td>'),
      ],
    },
    listAgent: {
      value: '/agents/{agent_id}/config/com/active-response',
      sources: [
        cite(spec, '/agents/{agent_id}/config/{component}/{configuration}:'),
        cite(spec, '<td>active-response</td>'),
      ],
    },
  };
}

function wazuhFacts(target: TargetProfile, cite: Cite): DeployFacts {
  const since = (change: WazuhChange) => atLeast(target, WAZUH_SINCE[change]);
  if (since('managerWithoutXml')) return wazuh5Facts(target, cite);
  const relative = since('wazuhNames');
  const prefix = relative ? 'wazuh' : 'ossec';
  const controlName = `${prefix}-control`;
  const control = (role: string): Fact<string> => ({
    value: controlName,
    sources: [
      cite(
        'src/init/inst-functions.sh',
        relative
          ? `\${OSSEC_CONTROL_SRC} \${INSTALLDIR}/bin/wazuh-control`
          : `\${OSSEC_CONTROL_SRC} \${PREFIX}/bin/ossec-control`,
      ),
      cite(`src/init/${prefix}-${role}.sh`, `\${DIR}/bin/\${i} -t`),
    ],
  });
  const execd: Fact<string> = {
    value: `${prefix}-execd`,
    sources: [
      cite('src/Makefile', `${prefix}-execd:`),
      cite(since('execdMain') ? 'src/os_execd/main.c' : 'src/os_execd/execd.c', TEST_FLAG),
    ],
  };
  const arConf: Fact<string> = {
    value: '/var/ossec/etc/shared/ar.conf',
    sources: [
      cite(
        'src/headers/defs.h',
        relative
          ? '#define DEFAULTAR "etc/shared/" DEFAULTAR_FILE'
          : '#define DEFAULTAR "/etc/shared/" DEFAULTAR_FILE',
      ),
      cite('src/config/active-response.c', '"%s - %s - %d\\n"'),
    ],
  };
  return {
    target,
    installDir: relative
      ? { value: '/var/ossec', sources: [cite('src/init/shared.sh', 'INSTALLDIR="/var/ossec";')] }
      : { value: '/var/ossec', sources: [cite('src/headers/defs.h', '#define DEFAULTDIR "/var/ossec"')] },
    configFile: {
      value: '/var/ossec/etc/ossec.conf',
      sources: [
        cite(
          'src/headers/defs.h',
          relative ? '#define OSSECCONF "etc/ossec.conf"' : '#define OSSECCONF "/etc/ossec.conf"',
        ),
      ],
    },
    manager: {
      analysisd: {
        value: `${prefix}-analysisd`,
        sources: [cite('src/Makefile', `${prefix}-analysisd:`), cite('src/analysisd/analysisd.c', TEST_FLAG)],
      },
      arConf,
      testRewritesArConf: cite('src/analysisd/active-response.c', '/* Clean ar file */'),
      control: { manager: control('server'), local: control('local') },
      agentControl: agentControlFacts(
        cite,
        since('agentControlAll'),
        'ip_address && ar && (agent_id || restart_all_agents)',
      ),
      api: since('api') ? wazuhApi(target, cite) : null,
    },
    managerWithoutXml: null,
    agent: { execd, control: control('client'), arConf },
  };
}

/** Wazuh 5.0 (beta): the manager file carries no active response; agents keep ossec.conf and execd. */
function wazuh5Facts(target: TargetProfile, cite: Cite): DeployFacts {
  const agentDir: Fact<string> = {
    value: '/var/ossec',
    sources: [cite('install.sh', 'INSTALLDIR="/var/ossec"')],
  };
  return {
    target,
    installDir: agentDir,
    configFile: { value: '/var/ossec/etc/ossec.conf', sources: agentDir.sources },
    manager: null,
    managerWithoutXml: {
      value:
        'Wazuh 5.0 (beta) reads no active response from the manager’s XML file: a <command> there stops the manager, an <active-response> is accepted and ignored, and ar.conf, agent_control’s -b and PUT /active-response are gone. Each response becomes a definition and a monitor in the dashboard: see the migration view.',
      sources: [
        cite('src/config/src/config.c', 'Active response config is only for agents, parsed by execd'),
        cite(
          'docs/guide/migration/active-response.md',
          '`PUT /active-response` is removed with no replacement.',
        ),
      ],
    },
    agent: {
      execd: {
        value: 'wazuh-execd',
        sources: [
          cite('src/init/inst-functions.sh', `build/bin/wazuh-execd \${INSTALLDIR}/bin`),
          cite('src/os_execd/src/main.c', TEST_FLAG),
        ],
      },
      control: {
        value: 'wazuh-control',
        sources: [
          cite('src/init/inst-functions.sh', `\${WAZUH_CONTROL_SRC} \${INSTALLDIR}/bin/wazuh-control`),
          cite('src/init/wazuh-client.sh', `\${DIR}/bin/\${i} -t`),
        ],
      },
      arConf: null,
    },
  };
}

/** The deploy facts of a target, read at the release its profile models. */
export function deployFacts(target: TargetProfile): DeployFacts {
  const cite = citer(target.product, sourceRef(target));
  return target.product === 'ossec' ? ossecFacts(target, cite) : wazuhFacts(target, cite);
}
