using System.Threading.Channels;

namespace Egalis.Web.Platform.Email;

/// <summary>
/// Messages sent after the response is given. The answer to « mot de passe oublié » then takes the same
/// time whether an account exists or not (sending by SMTP takes long), so it reveals nothing. A message
/// that cannot be sent is logged; the person can ask again.
/// </summary>
public sealed class DeferredEmails(IEmailSender email, ILogger<DeferredEmails> logger) : BackgroundService
{
    private readonly Channel<EmailMessage> _file = Channel.CreateBounded<EmailMessage>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(EmailMessage message)
    {
        if (!_file.Writer.TryWrite(message))
        {
            logger.LogError("File des messages pleine : le message « {Objet} » n'est pas envoyé.", message.Subject);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken arret)
    {
        await foreach (var message in _file.Reader.ReadAllAsync(arret))
        {
            try
            {
                await email.SendAsync(message, arret);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Le message « {Objet} » n'a pas pu être envoyé.", message.Subject);
            }
        }
    }
}
