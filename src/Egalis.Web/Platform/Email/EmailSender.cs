using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Egalis.Web.Platform.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public bool StartTls { get; set; } = true;
    public string From { get; set; } = "Egalis <ne-pas-repondre@egalis.local>";
    /// <summary>Where messages are written as .eml files when no SMTP host is set (development).</summary>
    public string PickupFolder { get; set; } = "data/mails";
}

/// <summary>Sends through SMTP with MailKit; without a host, drops .eml files in a folder.</summary>
public sealed class MailKitEmailSender(Microsoft.Extensions.Options.IOptions<SmtpOptions> options, ILogger<MailKitEmailSender> logger,
    Observability.EgalisMetrics metrics) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        using var activity = Observability.Telemetry.Source.StartActivity("smtp.send");
        try
        {
            await EnvoyerAsync(message, ct);
            metrics.EmailSent();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.EmailFailed();
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    private async Task EnvoyerAsync(EmailMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(o.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };

        if (string.IsNullOrWhiteSpace(o.Host))
        {
            Directory.CreateDirectory(o.PickupFolder);
            var path = Path.Combine(o.PickupFolder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(path, ct);
            logger.LogInformation("Aucun serveur SMTP configuré : message écrit dans {Path}", path);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(o.Host, o.Port, o.StartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(o.User))
        {
            await client.AuthenticateAsync(o.User, o.Password ?? "", ct);
        }
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
