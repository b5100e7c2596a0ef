/** The profile ids are a contract: the CLI and the LSP wire check a name against them cheaply. */
export { REPORT_PROFILES, type ReportProfile } from '../../../../contracts/export';
