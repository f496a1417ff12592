/**
 * The steps to take this document live on one target and install type: where the file goes, the daemon's
 * own test mode, the restart, the ar.conf lines, running one response by hand, listing the responses, and
 * on Wazuh 4.x the API calls — each command with the source it was read from (deploy-facts.ts), and every
 * value from the file or the form quoted for the shell (shell.ts).
 */

import { emulateAnalysisd } from '../derive/analysisd';
import { arConfKey, arConfLines } from '../derive/ar-conf';
import type { ConfigDocument } from '../model/types';
import { type RoleOption, resolveRole } from '../targets/role';
import type { TargetProfile } from '../targets/target';
import { positionAt } from '../xml/positions';
import { type AgentSettings, agentSettings } from './agent-settings';
import {
  type ApiFacts,
  type DeployFacts,
  type DeployRole,
  deployFacts,
  type Fact,
  type ManagerFacts,
} from './deploy-facts';
import { shellQuote } from './shell';
import type { Citation } from './sources';

export interface DeployInputs {
  role: DeployRole;
  /** The response to run by hand, by block index; the first runnable one when absent or not runnable. */
  responseBlock?: number;
  /** The address the response acts on (agent_control `-b`, the alert's srcip). */
  sourceIp: string;
  agentId: string;
  /** The manager's API, e.g. https://wazuh.example.org:55000. */
  apiUrl: string;
  apiUser: string;
}

export interface DeployCommand {
  command: string;
  sources: Citation[];
  /** Inputs still to fill in; the command is shown with their names and cannot be copied yet. */
  missing: string[];
  /** Why this command cannot work for the chosen response, when it cannot. */
  refused?: string;
}

export interface DeployStep {
  id: 'install' | 'test' | 'restart' | 'ar-conf' | 'run' | 'list' | 'api' | 'agent-settings';
  title: string;
  detail: string;
  commands: DeployCommand[];
  /** Text shown as it is (the ar.conf lines). */
  code?: { label: string; text: string; sources: Citation[] };
  notes: string[];
  /** What the step's explanation rests on, when it has no command to carry it. */
  sources?: Citation[];
  /** The step copies the downloaded document into place. */
  usesFile?: boolean;
}

/** A response the manager accepts, by the name agents and agent_control know it: its ar.conf key. */
export interface RunnableResponse {
  blockIndex: number;
  key: string;
  command: string;
  location: string;
  agentId?: string;
  line: number;
}

export interface DeployPlan {
  target: TargetProfile;
  role: DeployRole;
  /** Why there is nothing to deploy for this role on this target (the manager on Wazuh 5.0). */
  unavailable: Fact<string> | null;
  steps: DeployStep[];
  responses: RunnableResponse[];
  /** The response the run and API steps use. */
  chosen: RunnableResponse | null;
  /** What is wrong with the inputs, by input. */
  inputProblems: Partial<Record<'sourceIp' | 'agentId' | 'apiUrl', string>>;
  agentSettings: AgentSettings;
  /** What is odd about installing this document this way (an agent's file on the manager, agent.conf). */
  notices: string[];
}

/** A file name for the downloaded document, as the commands refer to it. */
export const UPLOAD_FILE = 'ossec.conf';

const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*)(?:\/\d{1,3})?$/;

function checkInputs(inputs: DeployInputs): DeployPlan['inputProblems'] {
  const problems: DeployPlan['inputProblems'] = {};
  if (inputs.sourceIp !== '' && !IP.test(inputs.sourceIp)) {
    problems.sourceIp = 'An IPv4 or IPv6 address, for example 203.0.113.7.';
  }
  if (inputs.agentId !== '' && !/^\d+$/.test(inputs.agentId)) {
    problems.agentId = 'An agent ID is digits only, for example 001.';
  }
  if (inputs.apiUrl !== '' && !/^https?:\/\/[^\s"'`$\\]+$/.test(inputs.apiUrl)) {
    problems.apiUrl = 'The API address, for example https://wazuh.example.org:55000.';
  }
  return problems;
}

function runnableResponses(doc: ConfigDocument, target: TargetProfile): RunnableResponse[] {
  return emulateAnalysisd(doc, target)
    .responses.filter((r) => r.outcome === 'accepted' && r.resolved?.name !== undefined)
    .map((r) => ({
      blockIndex: r.block.index,
      key: arConfKey(r.resolved?.name ?? '', r.effectiveTimeout),
      command: r.command ?? '',
      location: r.location ?? '',
      agentId: r.agentId,
      line: positionAt(doc.text, r.block.start).line,
    }));
}

const unique = (sources: Citation[]) =>
  sources.filter(
    (c, i) => sources.findIndex((d) => d.ref === c.ref && d.path === c.path && d.quote === c.quote) === i,
  );

function command(text: string, sources: Citation[], missing: string[] = [], refused?: string): DeployCommand {
  return { command: text, sources: unique(sources), missing, ...(refused ? { refused } : {}) };
}

interface Words {
  ip: string;
  agent: string;
  missingIp: string[];
  missingAgent: string[];
}

/** The inputs as shell words: quoted when filled in and valid, a visible name otherwise. */
function words(inputs: DeployInputs, problems: DeployPlan['inputProblems']): Words {
  const ipOk = inputs.sourceIp !== '' && !problems.sourceIp;
  const agentOk = inputs.agentId !== '' && !problems.agentId;
  return {
    ip: ipOk ? shellQuote(inputs.sourceIp) : 'SOURCE_IP',
    agent: agentOk ? shellQuote(inputs.agentId) : 'AGENT_ID',
    missingIp: ipOk ? [] : ['source IP'],
    missingAgent: agentOk ? [] : ['agent ID'],
  };
}

function bin(facts: DeployFacts, name: string): string {
  return `${facts.installDir.value}/bin/${name}`;
}

function installStep(facts: DeployFacts, role: DeployRole, agentFile: boolean): DeployStep {
  const path = facts.configFile.value;
  const sources = [...facts.installDir.sources, ...facts.configFile.sources];
  const windows =
    'On a Windows agent the file is ossec.conf in the agent’s folder, C:\\Program Files (x86)\\ossec-agent.';
  if (role === 'agent' && !agentFile) {
    return {
      id: 'install',
      title: "Add the settings to each agent's file",
      detail: `This file is not an agent's and does not go on agents. Keep a copy of each agent's ${path}, then add the block above inside its <ossec_config>, before any other <active-response> (execd reads the first <disabled> it finds).`,
      commands: [command(`cp -p ${path} ${path}.bak`, sources)],
      notes: [windows],
    };
  }
  const who = role === 'agent' ? "each agent's" : role === 'local' ? "the local install's" : "the manager's";
  return {
    id: 'install',
    title: 'Put the file in place',
    detail: `Download the file as ${UPLOAD_FILE} and copy it over ${who} ${path}, keeping the running one to go back to. Copying onto the existing file keeps its owner and mode.`,
    commands: [command(`cp -p ${path} ${path}.bak`, sources), command(`cp ${UPLOAD_FILE} ${path}`, sources)],
    usesFile: true,
    notes: role === 'agent' ? [windows] : [],
  };
}

function testStep(facts: DeployFacts, manager: ManagerFacts | null, role: DeployRole): DeployStep {
  const daemons =
    role === 'agent' || !manager
      ? [facts.agent.execd]
      : role === 'local'
        ? [manager.analysisd, facts.agent.execd]
        : [manager.analysisd];
  const notes = [
    'Exit status 0 means the daemon loads the file; otherwise it prints the first error it stops at — the one AR Studio reports as an error.',
  ];
  if (manager) {
    notes.push(
      `The test also rewrites ${manager.arConf.value} from the file it reads, as a start does, so the next step already shows the new names.`,
    );
  }
  return {
    id: 'test',
    title: 'Test it before the restart',
    detail:
      role === 'agent'
        ? "execd's test mode reads the agent's ossec.conf (disabled, repeated_offenders) and exits without starting."
        : "analysisd's test mode reads ossec.conf, the <command> and <active-response> blocks included, exactly as at start, and exits.",
    commands: daemons.map((d) =>
      command(
        `${bin(facts, d.value)} -t`,
        manager && d === manager.analysisd ? [...d.sources, manager.testRewritesArConf] : d.sources,
      ),
    ),
    notes,
  };
}

function restartStep(facts: DeployFacts, control: Fact<string>): DeployStep {
  return {
    id: 'restart',
    title: 'Restart',
    detail: `${control.value} restart runs every daemon's -t first and stops nothing when one of them fails, so a file that does not load leaves the running service alone.`,
    commands: [command(`${bin(facts, control.value)} restart`, control.sources)],
    notes: [],
  };
}

function arConfStep(
  doc: ConfigDocument,
  target: TargetProfile,
  manager: ManagerFacts,
  role: DeployRole,
): DeployStep {
  const lines = arConfLines(doc, target, 'manager');
  return {
    id: 'ar-conf',
    title: 'The ar.conf lines',
    detail: `At start analysisd rewrites ${manager.arConf.value} with its built-in restart lines, then one line per accepted response: name and timeout joined (the key execd, agent_control and the API know it by), executable, timeout.${
      role === 'manager' ? ' Agents receive the file at the same path.' : ''
    }`,
    commands: [command(`cat ${manager.arConf.value}`, manager.arConf.sources)],
    code: {
      label:
        lines.length === 0
          ? 'This file adds no line.'
          : `The ${lines.length === 1 ? 'line' : `${lines.length} lines`} this file adds`,
      text: lines.join('\n'),
      sources: manager.arConf.sources,
    },
    notes:
      lines.length > new Set(lines).size
        ? ['Identical responses write identical lines; agents keep the first of a key.']
        : [],
  };
}

function whitespaceRefusal(key: string): string | undefined {
  return /\s/.test(key)
    ? `The ar.conf name '${key}' holds blanks: ar.conf and agent_control split names on them, so it cannot be run by name.`
    : undefined;
}

function runStep(
  facts: DeployFacts,
  manager: ManagerFacts,
  chosen: RunnableResponse | null,
  w: Words,
): DeployStep {
  const tool = bin(facts, manager.agentControl.run.value);
  const notes: string[] = [];
  const commands: DeployCommand[] = [];
  if (chosen) {
    const refused = whitespaceRefusal(chosen.key);
    const key = shellQuote(chosen.key);
    const sources = [...manager.agentControl.run.sources];
    if (manager.agentControl.checksName) sources.push(manager.agentControl.checksName);
    commands.push(
      command(
        `${tool} -b ${w.ip} -f ${key} -u ${w.agent}`,
        sources,
        [...w.missingIp, ...w.missingAgent],
        refused,
      ),
    );
    if (manager.agentControl.allAgents) {
      commands.push(command(`${tool} -b ${w.ip} -f ${key} -a`, sources, w.missingIp, refused));
    }
    notes.push(
      `-f takes the ar.conf name (${chosen.key}), not the command name (${chosen.command}): the name is the command's name with the response's timeout appended.`,
    );
    if (!manager.agentControl.checksName) {
      notes.push(
        'This version sends any name without looking it up in ar.conf: check it against the list below.',
      );
    }
    if (
      /server|AS|analysis/i.test(chosen.location) &&
      !/local|defined-agent|all|any/i.test(chosen.location)
    ) {
      notes.push(
        'This response runs on the manager when an alert matches; these commands run it on the agent you name instead.',
      );
    }
  } else {
    notes.push('The manager accepts no response in this file, so there is nothing to run by hand.');
  }
  return {
    id: 'run',
    title: 'Run one response by hand',
    detail:
      'agent_control hands the response to remoted, which sends it to the agent as if an alert had triggered it.',
    commands,
    notes,
  };
}

function listStep(facts: DeployFacts, manager: ManagerFacts): DeployStep {
  const list = manager.agentControl.list;
  return {
    id: 'list',
    title: 'List the active responses',
    detail: 'agent_control -L lists the names in ar.conf, the names -f accepts.',
    commands: [command(`${bin(facts, list.value)} -L`, list.sources)],
    notes: [],
  };
}

/** `curl` with the token the first call stores in $TOKEN; nothing secret is ever written into a command. */
function curl(method: 'GET' | 'PUT' | 'POST', path: string, rest = ''): string {
  const verb = method === 'GET' ? '' : ` -X ${method}`;
  return `curl -sS --fail${verb} "$WAZUH_API${path}" -H "Authorization: Bearer $TOKEN"${rest}`;
}

function apiLogin(
  api: ApiFacts,
  inputs: DeployInputs,
  problems: DeployPlan['inputProblems'],
): DeployCommand[] {
  const url = inputs.apiUrl !== '' && !problems.apiUrl ? inputs.apiUrl : api.defaults.url.value;
  const user = inputs.apiUser === '' ? api.defaults.user.value : inputs.apiUser;
  return [
    command(`WAZUH_API=${shellQuote(url)}`, api.defaults.url.sources),
    command(
      `TOKEN=$(curl -sS --fail -u ${shellQuote(user)} -X ${api.login.value} "$WAZUH_API/security/user/authenticate?raw=true")`,
      [api.spec, ...api.login.sources, ...(inputs.apiUser === '' ? api.defaults.user.sources : [])],
    ),
  ];
}

function apiStep(
  doc: ConfigDocument,
  api: ApiFacts,
  inputs: DeployInputs,
  problems: DeployPlan['inputProblems'],
  chosen: RunnableResponse | null,
  w: Words,
): DeployStep {
  const upload =
    api.upload.value === 'configuration'
      ? curl(
          'PUT',
          '/manager/configuration?pretty=true',
          ` -H 'Content-Type: application/octet-stream' --data-binary @${UPLOAD_FILE}`,
        )
      : curl(
          'PUT',
          '/manager/files?path=etc/ossec.conf&overwrite=true&pretty=true',
          ` -H 'Content-Type: application/octet-stream' --data-binary @${UPLOAD_FILE}`,
        );
  const commands = [
    ...apiLogin(api, inputs, problems),
    command(upload, [api.spec, ...api.upload.sources]),
    command(curl('GET', `${api.validate.value}?pretty=true`), [api.spec, ...api.validate.sources]),
    command(curl('PUT', `${api.restart.value}?pretty=true`), [api.spec, ...api.restart.sources]),
    command(curl('GET', `${api.listManager.value}?pretty=true`), [api.spec, ...api.listManager.sources]),
  ];
  if (chosen) {
    const body =
      api.run.value === 'alert'
        ? { command: chosen.key, alert: { data: { srcip: inputs.sourceIp || 'SOURCE_IP' } } }
        : { command: chosen.key, arguments: ['-', inputs.sourceIp || 'SOURCE_IP'] };
    // The agent ID is digits once valid, so it can sit inside the double-quoted URL.
    const agent = w.missingAgent.length === 0 ? inputs.agentId : 'AGENT_ID';
    commands.push(
      command(
        curl(
          'PUT',
          `/active-response?agents_list=${agent}&pretty=true`,
          ` -H 'Content-Type: application/json' -d ${shellQuote(JSON.stringify(body))}`,
        ),
        [api.spec, ...api.run.sources, api.runName],
        [...w.missingIp, ...w.missingAgent],
      ),
    );
  }
  const notes = [
    'curl asks for the API user’s password; nothing here stores it. The API’s certificate is self-signed unless you replaced it: add --cacert with your CA (or -k to skip the check, at your own risk).',
    api.upload.value === 'configuration'
      ? 'The upload checks the new file and puts the old one back if the check fails. In a cluster it changes the node that answers; other nodes take PUT /cluster/{node_id}/configuration.'
      : 'This release uploads the file with PUT /manager/files; later ones have PUT /manager/configuration.',
    'The validation answers "status": "OK" per node when every daemon’s -t passes; restart only then.',
  ];
  if (api.upload.value === 'configuration' && doc.encoding === 'latin1' && /[^\p{ASCII}]/u.test(doc.text)) {
    notes.push(
      'This file is Latin-1 with non-ASCII characters: the API reads the upload as UTF-8 and refuses it (error 1911). Copy the file with scp instead.',
    );
  }
  if (api.uploadNote) notes.push(api.uploadNote);
  if (chosen) {
    notes.push(
      `PUT /active-response takes the ar.conf name (${chosen.key}) and checks it against ar.conf.${
        api.run.value === 'alert'
          ? ' The source IP reaches the script as the alert’s data.srcip; agents older than 4.2 get the legacy message instead.'
          : ''
      }`,
    );
  }
  return {
    id: 'api',
    title: 'The same through the Wazuh API',
    detail:
      'Log in, upload the file, ask the manager to check it, restart; then list what analysisd loaded and run one response.',
    commands,
    notes,
  };
}

function agentApiStep(
  api: ApiFacts,
  inputs: DeployInputs,
  problems: DeployPlan['inputProblems'],
  w: Words,
): DeployStep {
  const path = api.listAgent.value.replace(
    '{agent_id}',
    w.missingAgent.length === 0 ? inputs.agentId : 'AGENT_ID',
  );
  return {
    id: 'api',
    title: 'What the agent loaded, through the manager’s API',
    detail: "The agent's execd answers with the disabled and repeated_offenders values it is running with.",
    commands: [
      ...apiLogin(api, inputs, problems),
      command(curl('GET', `${path}?pretty=true`), [api.spec, ...api.listAgent.sources], w.missingAgent),
    ],
    notes: ['curl asks for the API user’s password; nothing here stores it.'],
  };
}

function agentSettingsStep(settings: AgentSettings): DeployStep {
  return {
    id: 'agent-settings',
    title: "Each agent's own settings",
    detail:
      "An agent's execd reads only its own ossec.conf: <disabled> (the first one decides whether it runs responses at all) and <repeated_offenders> (minutes for the 2nd, 3rd, … offence). Neither comes from the manager.",
    commands: [],
    code: { label: 'In each agent’s ossec.conf', text: settings.block.trimEnd(), sources: [] },
    // Misplaced settings are the plan's `agentSettings.misplaced`, shown as warnings of their own.
    notes: settings.notes,
  };
}

/** What is odd about installing this document that way: the file is of another kind. */
function noticesFor(doc: ConfigDocument, role: DeployRole, agentFile: boolean): string[] {
  if (doc.shape === 'agent-config') {
    return [
      'This is a centralized agent.conf (<agent_config>): neither analysisd nor execd reads <command> or <active-response> there. The steps below are for ossec.conf.',
    ];
  }
  if (role !== 'agent' && agentFile) {
    return [
      "This is an agent's file (it has a <client> section): analysisd would read it as the manager's. Choose Agent to install it on agents.",
    ];
  }
  return [];
}

/**
 * The steps for `inputs.role` on `target`. `fileRole` is whose file the document is (the page's role
 * choice, auto by default): an agent's file goes on agents as it is, anything else only lends them its
 * agent-side settings.
 */
export function deployPlan(
  doc: ConfigDocument,
  target: TargetProfile,
  inputs: DeployInputs,
  fileRole: RoleOption = 'auto',
): DeployPlan {
  const facts = deployFacts(target);
  const { role } = inputs;
  const inputProblems = checkInputs(inputs);
  const w = words(inputs, inputProblems);
  const agentFile = doc.shape !== 'agent-config' && resolveRole(doc, fileRole) === 'agent';
  const settings = agentSettings(doc, target, fileRole);
  const manager = facts.manager;
  const reads = role !== 'agent' && manager && !agentFile ? runnableResponses(doc, target) : [];
  const chosen = reads.find((r) => r.blockIndex === inputs.responseBlock) ?? reads[0] ?? null;
  const notices = noticesFor(doc, role, agentFile);
  const base = { target, role, responses: reads, chosen, inputProblems, agentSettings: settings, notices };
  if (role !== 'agent' && !manager) {
    return { ...base, unavailable: facts.managerWithoutXml, steps: [agentSettingsStep(settings)] };
  }
  const steps: DeployStep[] = [installStep(facts, role, agentFile), testStep(facts, manager, role)];
  if (role === 'agent') {
    steps.unshift(agentSettingsStep(settings));
    steps.push(restartStep(facts, facts.agent.control));
    if (facts.agent.arConf) {
      steps.push({
        id: 'ar-conf',
        title: 'What the manager sent',
        detail: `The agent runs responses by the names in ${facts.agent.arConf.value}, which the manager pushes to it.`,
        commands: [command(`cat ${facts.agent.arConf.value}`, facts.agent.arConf.sources)],
        notes: [],
      });
    }
    if (manager?.api) steps.push(agentApiStep(manager.api, inputs, inputProblems, w));
    return { ...base, unavailable: null, steps };
  }
  if (!manager) return { ...base, unavailable: facts.managerWithoutXml, steps };
  steps.push(restartStep(facts, manager.control[role]), arConfStep(doc, target, manager, role));
  if (role === 'manager') {
    steps.push(runStep(facts, manager, chosen, w), listStep(facts, manager));
    if (manager.api) steps.push(apiStep(doc, manager.api, inputs, inputProblems, chosen, w));
  } else {
    steps.push({
      id: 'run',
      title: 'Run one response by hand',
      detail:
        'agent_control -b hands the response to remoted, which a local install does not run (it stops with “Unable to connect to remoted.”): raise an event that matches the trigger instead.',
      commands: [],
      notes: [],
      sources: [manager.agentControl.needsRemoted],
    });
  }
  steps.push(agentSettingsStep(settings));
  return { ...base, unavailable: null, steps };
}
