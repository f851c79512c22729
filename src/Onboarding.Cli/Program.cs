using Onboarding.Cli;

return CliApplication.Run(args, CliContext.FromProcess());
