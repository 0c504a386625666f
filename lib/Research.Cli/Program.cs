using Research.Cli;

return await ResearchCommand.RunAsync(args);
