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
        /// <summary>A person who created their own account (a project's applicant): the link proves the address.</summary>
        Inscription,
        /// <summary>Someone tried to create an account for an address that has one: its owner is told, nobody else.</summary>
        DejaInscrit,
    }

    public async Task EnvoyerAsync(Utilisateur user, HttpRequest request, Motif motif, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        // A configured public address wins over the request's host, which a client controls.
        var baseUrl = Platform.Web.Hosting.LinkBase(configuration, request);
        var lien = $"{baseUrl}/compte/reinitialisermotdepasse?userId={Uri.EscapeDataString(user.Id)}&code={code}";
        var message = motif switch
        {
            Motif.Invitation => new EmailMessage(user.Email!, "Votre compte Egalis",
                $"Bonjour {user.NomComplet},\n\nUn compte a été créé pour vous sur Egalis, la plateforme du « {profil.Plan} » {Platform.Text.French.DeGroupe(profil.Designation)}.\n\nPour l'activer, choisissez votre mot de passe en suivant ce lien (valable 48 heures) :\n{lien}\n\nSi vous n'attendiez pas ce message, ignorez-le.\n\nL'équipe du plan – {profil.Nom}"),
            Motif.Inscription => new EmailMessage(user.Email!, "Confirmez la création de votre compte Egalis",
                $"Bonjour,\n\nVous avez demandé à créer un compte de porteur de projet sur Egalis, la plateforme du « {profil.Plan} » {Platform.Text.French.DeGroupe(profil.Designation)}.\n\nPour confirmer votre adresse et choisir votre mot de passe, suivez ce lien (valable 48 heures) :\n{lien}\n\nSans confirmation, le compte est supprimé au bout de 7 jours. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n\nL'équipe du plan – {profil.Nom}"),
            Motif.DejaInscrit => new EmailMessage(user.Email!, "Vous avez déjà un compte Egalis",
                $"Bonjour {user.NomComplet},\n\nQuelqu'un a demandé à créer un compte Egalis avec votre adresse, qui en a déjà un. Si c'était vous, connectez-vous ; si vous avez oublié votre mot de passe, choisissez-en un nouveau en suivant ce lien (valable 48 heures) :\n{lien}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien n'a changé.\n\nL'équipe du plan – {profil.Nom}"),
            _ => new EmailMessage(user.Email!, "Choisir un nouveau mot de passe Egalis",
                $"Bonjour {user.NomComplet},\n\nVous avez demandé à choisir un nouveau mot de passe. Suivez ce lien (valable 48 heures) :\n{lien}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.\n\nL'équipe du plan – {profil.Nom}"),
        };
        if (motif != Motif.Invitation)
        {
            // Sent after the answer: « mot de passe oublié » and « créer un compte » answer in the same time for any address.
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
