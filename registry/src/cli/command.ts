/** The command-line types and option helpers, shared with `cunmen-shell` through `@cunmen/command-line`. */
export {
  type CliCommand,
  type CliContext,
  CommandRefusal,
  type OptionSpec,
  optionalString,
  readStdin,
  requiredString,
} from '@cunmen/command-line';
