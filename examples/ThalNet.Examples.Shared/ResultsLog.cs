using System.Text.Json;

namespace ThalNet.Examples;

/// <summary>
/// A study's JSON-lines log (snake_case names): one <typeparamref name="TResult"/> per line, appended as each run
/// finishes, so an interrupted study resumes where it stopped. A line cut short by a crash is skipped on reading.
/// </summary>
/// <typeparam name="TResult">One finished run, a record that System.Text.Json writes and reads back.</typeparam>
/// <param name="path">The log file; its folder is created on the first append.</param>
public sealed class ResultsLog<TResult>(string path)
    where TResult : class
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The log file.</summary>
    public string Path { get; } = path;

    /// <summary>Every complete line of the log, in order; none when the file does not exist.</summary>
    public List<TResult> Read()
    {
        var results = new List<TResult>();
        if (!File.Exists(Path))
        {
            return results;
        }

        foreach (var line in File.ReadLines(Path).Where(l => l.Length > 0))
        {
            try
            {
                if (JsonSerializer.Deserialize<TResult>(line, Json) is { } result)
                {
                    results.Add(result);
                }
            }
            catch (JsonException)
            {
                // A line the previous run did not finish writing: that run is simply done again.
            }
        }

        return results;
    }

    /// <summary>Appends <paramref name="result"/> as one line.</summary>
    public void Append(TResult result)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        File.AppendAllText(Path, JsonSerializer.Serialize(result, Json) + "\n");
    }
}
