using ThalNet.Runtime.Analysis;
using ThalNet.Runtime.Data;
using ThalNet.Runtime.IO;
using ThalNet.Examples.Torch;
using ThalNet.Runtime.Training;

namespace ThalNet.Examples;

/// <summary>
/// Failures a user causes and can fix (missing or corrupt data, an unreadable or mismatched checkpoint, a malformed
/// metrics log, training that diverged, a file that cannot be written): their message already says what is wrong and what to do, so it is printed
/// alone, without a stack trace. Any other exception is a bug and keeps its trace.
/// </summary>
public static class ExpectedErrors
{
    public const int ExitCode = 1;

    /// <summary>Runs <paramref name="command"/>; an expected error becomes one line on standard error and <see cref="ExitCode"/>.</summary>
    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (Exception e) when (e is DatasetException or CheckpointException or MetricsFormatException or TrainingDivergedException or TrainerOptionsException or TorchBackendException or ThalNet.TorchSharp.TorchDeviceException or OutputWriteException)
        {
            return Report(e.Message);
        }
    }

    /// <summary>Prints <paramref name="message"/> as an error and returns <see cref="ExitCode"/>.</summary>
    public static int Report(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return ExitCode;
    }
}
