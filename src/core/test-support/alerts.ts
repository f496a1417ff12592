/**
 * Alerts as the daemons write them, built field by field from their writers (Wazuh 4.14's
 * `Eventinfo_to_jsonstr()` and `OS_Log()`, OSSEC 3.7's `Eventinfo_to_jsonstr()` and `OS_Log()`), with the
 * stock rules' real groups (`ruleset/rules/0095-sshd_rules.xml`, `0015-ossec_rules.xml`, OSSEC's
 * `sshd_rules.xml`). Shared by the core, CLI and page tests.
 */

/** Wazuh 4.14, rule 5712 (sshd brute force) on agent 001: alerts.json, one line. */
export const WAZUH_SSHD_JSON =
  '{"timestamp":"2024-05-14T10:21:33.412+0000","rule":{"level":10,"description":"sshd: brute force trying to get access to the system. Non existent user.","id":"5712","mitre":{"id":["T1110"],"tactic":["Credential Access"],"technique":["Brute Force"]},"frequency":8,"firedtimes":1,"mail":false,"groups":["syslog","sshd","authentication_failures"],"gdpr":["IV_35.7.d","IV_32.2"],"hipaa":["164.312.b"],"nist_800_53":["SI.4","AU.14","AC.7"],"pci_dss":["11.4","10.2.4","10.2.5"],"tsc":["CC6.1","CC6.8","CC7.2","CC7.3"]},"agent":{"id":"001","name":"web01","ip":"10.0.0.21"},"manager":{"name":"wazuh-manager"},"id":"1715682093.1042231","cluster":{"name":"wazuh","node":"node01"},"previous_output":"May 14 10:21:29 web01 sshd[2209]: Invalid user admin from 203.0.113.7 port 51120\\nMay 14 10:21:27 web01 sshd[2207]: Invalid user test from 203.0.113.7 port 51118","full_log":"May 14 10:21:31 web01 sshd[2211]: Invalid user admin from 203.0.113.7 port 51122","predecoder":{"program_name":"sshd","timestamp":"May 14 10:21:31","hostname":"web01"},"decoder":{"parent":"sshd","name":"sshd"},"data":{"srcip":"203.0.113.7","srcport":"51122","srcuser":"admin"},"location":"/var/log/auth.log"}';

/** The group string analysisd matched for rule 5712 in Wazuh 4.14: `<group name="syslog,sshd,">` plus the rule's `<group>`. */
export const WAZUH_SSHD_GROUPS =
  'syslog,sshd,authentication_failures,gdpr_IV_35.7.d,gdpr_IV_32.2,hipaa_164.312.b,nist_800_53_SI.4,nist_800_53_AU.14,nist_800_53_AC.7,pci_dss_11.4,pci_dss_10.2.4,pci_dss_10.2.5,tsc_CC6.1,tsc_CC6.8,tsc_CC7.2,tsc_CC7.3,';

/** Wazuh 4.14, rule 550 (file modified) on agent 002: FIM puts the file in `syscheck.path`. */
export const WAZUH_FIM_JSON =
  '{"timestamp":"2024-05-14T10:25:02.118+0000","rule":{"level":7,"description":"Integrity checksum changed.","id":"550","mitre":{"id":["T1565.001"],"tactic":["Impact"],"technique":["Stored Data Manipulation"]},"firedtimes":1,"mail":false,"groups":["ossec","syscheck","syscheck_entry_modified","syscheck_file"],"pci_dss":["11.5"],"gpg13":["4.11"],"gdpr":["II_5.1.f"],"hipaa":["164.312.c.1","164.312.c.2"],"nist_800_53":["SI.7"],"tsc":["PI1.4","PI1.5","CC6.1","CC6.8","CC7.2","CC7.3"]},"agent":{"id":"002","name":"db01","ip":"10.0.0.22"},"manager":{"name":"wazuh-manager"},"id":"1715682302.1187345","cluster":{"name":"wazuh","node":"node01"},"full_log":"File \'/etc/passwd\' modified\\nMode: realtime\\nChanged attributes: size,mtime,md5,sha1,sha256\\nSize changed from \'1402\' to \'1444\'\\n","syscheck":{"path":"/etc/passwd","mode":"realtime","size_before":"1402","size_after":"1444","perm_after":"rw-r--r--","uid_after":"0","gid_after":"0","uname_after":"root","gname_after":"root","mtime_before":"2024-05-01T08:00:00","mtime_after":"2024-05-14T10:25:01","inode_after":393228,"changed_attributes":["size","mtime","md5","sha1","sha256"],"event":"modified"},"decoder":{"name":"syscheck_integrity_changed"},"location":"syscheck"}';

/** Wazuh 4.14, rule 5402 (sudo to root) raised on the manager itself: agent 000, `data.dstuser`. */
export const WAZUH_MANAGER_SUDO_JSON =
  '{"timestamp":"2024-05-14T10:30:11.006+0000","rule":{"level":3,"description":"Successful sudo to ROOT executed.","id":"5402","mitre":{"id":["T1548.003"],"tactic":["Privilege Escalation","Defense Evasion"],"technique":["Sudo and Sudo Caching"]},"firedtimes":4,"mail":false,"groups":["syslog","sudo"],"pci_dss":["10.2.5","10.2.2"],"gdpr":["IV_32.2"]},"agent":{"id":"000","name":"wazuh-manager"},"manager":{"name":"wazuh-manager"},"id":"1715682611.1290042","cluster":{"name":"wazuh","node":"node01"},"full_log":"May 14 10:30:10 wazuh-manager sudo:    admin : TTY=pts/0 ; PWD=/home/admin ; USER=root ; COMMAND=/usr/bin/systemctl restart wazuh-manager","predecoder":{"program_name":"sudo","timestamp":"May 14 10:30:10","hostname":"wazuh-manager"},"decoder":{"parent":"sudo","name":"sudo"},"data":{"srcuser":"admin","dstuser":"root","tty":"pts/0","pwd":"/home/admin","command":"/usr/bin/systemctl restart wazuh-manager"},"location":"/var/log/auth.log"}';

/** OSSEC 3.7 `jsonout_output`, rule 5712 from agent web01: `rule.sidid`, top-level `srcip` and `dstuser`. */
export const OSSEC_SSHD_JSON =
  '{"rule":{"level":10,"comment":"SSHD brute force trying to get access to the system.","sidid":5712,"frequency":6,"firedtimes":1,"groups":["syslog","sshd","authentication_failures"]},"id":"1715682093.48213","TimeStamp":1715682093000,"decoder":"sshd","srcip":"203.0.113.7","dstuser":"admin","location":"(web01) 10.0.0.21->/var/log/auth.log","full_log":"May 14 10:21:31 web01 sshd[2211]: Failed password for invalid user admin from 203.0.113.7 port 51122 ssh2","hostname":"(web01) 10.0.0.21->/var/log/auth.log","program_name":"sshd","decoder_desc":{"parent":"sshd","name":"sshd"},"agent_name":"web01","agentip":"10.0.0.21","logfile":"/var/log/auth.log","timestamp":"2024 May 14 10:21:33"}';

/** OSSEC 3.7 alerts.log, rule 5712 from agent web01, with mail and the previous events. */
export const OSSEC_SSHD_LOG = `** Alert 1715682093.48213: mail  - syslog,sshd,authentication_failures,
2024 May 14 10:21:33 (web01) 10.0.0.21->/var/log/auth.log
Rule: 5712 (level 10) -> 'SSHD brute force trying to get access to the system.'
Src IP: 203.0.113.7
User: admin
May 14 10:21:31 web01 sshd[2211]: Failed password for invalid user admin from 203.0.113.7 port 51122 ssh2
May 14 10:21:29 web01 sshd[2209]: Failed password for invalid user admin from 203.0.113.7 port 51120 ssh2
May 14 10:21:27 web01 sshd[2207]: Failed password for invalid user admin from 203.0.113.7 port 51118 ssh2

`;

/** OSSEC 3.7 alerts.log, rule 550 on the server's own files: `host->syscheck`, the file in the message. */
export const OSSEC_LOCAL_SYSCHECK_LOG = `** Alert 1715682302.51234: - ossec,syscheck,
2024 May 14 10:25:02 ossec-server->syscheck
Rule: 550 (level 7) -> 'Integrity checksum changed.'
Integrity checksum changed for: '/etc/passwd'
Size changed from '1402' to '1444'
Old md5sum was: '3e0bc0b3a7d6c1f0a4b62a8b6bd0ec1c'
New md5sum is : '9a1f35c2e0c8b4b72c3dfd0f5e3a2b77'

`;

/** Wazuh 4.14 alerts.log, rule 5712 from agent web01 registered with `any`, with a label line and a port. */
export const WAZUH_SSHD_LOG = `** Alert 1715682093.1042231: - ${'syslog,sshd,authentication_failures,gdpr_IV_35.7.d,gdpr_IV_32.2,hipaa_164.312.b,nist_800_53_SI.4,nist_800_53_AU.14,nist_800_53_AC.7,pci_dss_11.4,pci_dss_10.2.4,pci_dss_10.2.5,tsc_CC6.1,tsc_CC6.8,tsc_CC7.2,tsc_CC7.3,'}
2024 May 14 10:21:33 (web01) any->/var/log/auth.log
environment: production
Rule: 5712 (level 10) -> 'sshd: brute force trying to get access to the system. Non existent user.'
Src IP: 203.0.113.7
Src Port: 51122
May 14 10:21:31 web01 sshd[2211]: Invalid user admin from 203.0.113.7 port 51122
May 14 10:21:29 web01 sshd[2209]: Invalid user admin from 203.0.113.7 port 51120

`;
