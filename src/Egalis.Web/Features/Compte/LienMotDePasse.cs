using System.Text;
using Egalis.Web.Platform.Email;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Egalis.Web.Features.Compte;

/// <summary>
/// The one-time link to choose a password, sent by email: after « mot de passe oublié » and
/// when an administrator invites someone.
/// </summary>
public sealed class LienMotDePasse(UserManager<Utilisateur> users, IEmailSender email, DeferredEmails differes, IConfiguration configuration, Platform.Collectivite.ProfilCollectivite profil)
{
    public enum Motif
    {
        Oubli,
        Invitation,
    }

    public async Task EnvoyerAsync(Utilisateur user, HttpRequest request, Motif motif, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        // A configured public address wins over the request's host, which a client controls.
        var baseUrl = Platform.Web.Hosting.LinkBase(configuration, request);
        var lien = $"{baseUrl}/compte/reinitialisermotdepasse?userId={Uri.EscapeDataString(user.Id)}&code={code}";
        var message = motif == Motif.Invitation
            ? new EmailMessage(user.Email!, "Votre compte Egalis",
                $"Bonjour {user.NomComplet},\n\nUn compte a été créé pour vous sur Egalis, la plateforme du « {profil.Plan} » {Platform.Text.French.DeGroupe(profil.Designation)}.\n\nPour l'activer, choisissez votre mot de passe en suivant ce lien (valable 48 heures) :\n{lien}\n\nSi vous n'attendiez pas ce message, ignorez-le.\n\nL'équipe du plan – {profil.Nom}")
            : new EmailMessage(user.Email!, "Choisir un nouveau mot de passe Egalis",
                $"Bonjour {user.NomComplet},\n\nVous avez demandé à choisir un nouveau mot de passe. Suivez ce lien (valable 48 heures) :\n{lien}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.\n\nL'équipe du plan – {profil.Nom}");
        if (motif == Motif.Oubli)
        {
            // Sent after the answer: « mot de passe oublié » answers in the same time for any address.
            differes.Enqueue(message);
            return;
        }
        await email.SendAsync(message, ct);
    }

    public static string? Decode(string code)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
