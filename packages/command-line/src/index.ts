export {
  type CliCommand,
  type CliContext,
  CommandRefusal,
  type OptionSpec,
  optionalString,
  readStdin,
  requiredString,
} from './command.js';
export { dataDirFromEnv, mainHelp, type Program, runProgram } from './run.js';
