using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ThalNet.Runtime.Tests.Data;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 with an ephemeral port: GET of a known path returns its
/// bytes, anything else 404. One request per connection.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer()
    {
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>Path (e.g. "/mnist/a.gz") to body.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>Requests received per path.</summary>
    public ConcurrentDictionary<string, int> Requests { get; } = new();

    public Uri Url(string path) => new(BaseUri, path);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var path = await ReadRequestPathAsync(stream);
            Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
            var found = Files.TryGetValue(path, out var body);
            body ??= "not found"u8.ToArray();
            var head = $"HTTP/1.1 {(found ? "200 OK" : "404 Not Found")}\r\nContent-Length: {body.Length}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(body);
        }
    }

    private static async Task<string> ReadRequestPathAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[1024];
        while (!EndsWithBlankLine(received))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                throw new IOException("Connection closed before the request ended.");
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var requestLine = Encoding.ASCII.GetString(received.ToArray()).Split("\r\n")[0];
        return requestLine.Split(' ')[1];
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';
}
