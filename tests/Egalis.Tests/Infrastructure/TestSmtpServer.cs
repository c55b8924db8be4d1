using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Egalis.Tests.Infrastructure;

/// <summary>A real SMTP server on loopback, in process, that keeps what it receives.</summary>
public sealed class TestSmtpServer : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();
    public int Port { get; private set; }

    public TestSmtpServer()
    {
        // The server binds in the background: wait until it accepts connections, and start again on
        // another port if a concurrent test took this one in between.
        for (var essai = 1; ; essai++)
        {
            Port = FreePort();
            var options = new SmtpServerOptionsBuilder()
                .ServerName("localhost")
                .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
                .Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(_store);
            var serveur = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
            if (Ecoute(serveur) || essai == 10)
            {
                return;
            }
        }
    }

    private bool Ecoute(Task serveur)
    {
        for (var i = 0; i < 100 && !serveur.IsFaulted; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }
        return false;
    }

    public IReadOnlyCollection<MimeMessage> Messages => _store.Messages;

    /// <summary>Waits for a message to this address (sending is asynchronous to the test).</summary>
    public async Task<MimeMessage> WaitForAsync(string to, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var message = _store.Messages.LastOrDefault(m => m.To.Mailboxes.Any(a => a.Address == to));
            if (message is not null)
            {
                return message;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Aucun message reçu pour {to}.");
    }

    public void Dispose() => _stop.Cancel();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, ct));
            return SmtpResponse.Ok;
        }
    }
}
