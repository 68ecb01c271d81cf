using Spectre.Console;

namespace ThalNet.Runtime.Training;

internal static class ProgressViews
{
    /// <summary>
    /// Live bars only when asked for, writing to an interactive console that is not redirected, outside CI;
    /// otherwise plain lines to the options' output, with a progress line every <see cref="TrainerOptions.ProgressInterval"/>.
    /// </summary>
    public static IProgressView Create(TrainerOptions options)
    {
        var toConsole = options.Output is null || ReferenceEquals(options.Output, Console.Out);
        var live = options.Progress
            && toConsole
            && !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            && AnsiConsole.Profile.Capabilities.Interactive;
        return live ? new SpectreProgressView(AnsiConsole.Console) : new PlainProgressView(options.Output ?? Console.Out, options.ProgressInterval);
    }
}
