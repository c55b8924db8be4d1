using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>
/// An organisation as its members see it: its identity and bank details, its members and legal representative, its
/// supporting documents. Only members reach it (anyone else: « page introuvable »); only administrators change it.
/// </summary>
[Authorize(Policy = FondsModule.DeposerUnDossier)]
[RequestSizeLimit(2 * OrganisationsService.TaillePieceMax)]
public class OrganisationModel(OrganisationsService organisations, EgalisDbContext db, IConfiguration configuration) : PageModel
{
    public sealed class InvitationInput
    {
        [Display(Name = "Adresse électronique de la personne")]
        [StringLength(254, ErrorMessage = "L'adresse électronique ne doit pas dépasser 254 caractères.")]
        public string? Email { get; set; }

        [Display(Name = "Administrateur : peut modifier l'organisation et inviter")]
        public bool Administrateur { get; set; }
    }

    public sealed class RepresentantInput
    {
        [Display(Name = "Représentant légal")] public int? MembreId { get; set; }

        [Display(Name = "Qualité")]
        [StringLength(100, ErrorMessage = "La qualité ne doit pas dépasser 100 caractères.")]
        public string? Qualite { get; set; }
    }

    public sealed class PieceInput
    {
        [Display(Name = "Type de pièce")] public TypePiece Type { get; set; } = TypePiece.Statuts;
        [Display(Name = "Fichier")] public IFormFile? Fichier { get; set; }
        [Display(Name = "Valable jusqu'au")] public DateOnly? ValableJusquAu { get; set; }
    }

    [BindProperty(Name = nameof(Input))] public OrganisationInput Input { get; set; } = new();
    [BindProperty(Name = nameof(Invitation))] public InvitationInput Invitation { get; set; } = new();
    [BindProperty(Name = nameof(Representant))] public RepresentantInput Representant { get; set; } = new();
    [BindProperty(Name = nameof(Piece))] public PieceInput Piece { get; set; } = new();

    public Organisation Organisation { get; private set; } = null!;
    public MembreOrganisation Moi { get; private set; } = null!;
    public List<OrganisationsService.Membre> Membres { get; private set; } = [];
    public List<OrganisationsService.Invitation> Invitations { get; private set; } = [];
    public List<OrganisationsService.Piece> Pieces { get; private set; } = [];
    public List<(int Id, string Intitule, string Appel, EtatDossier Etat, bool Correction)> Dossiers { get; private set; } = [];
    public List<SelectListItem> Communes { get; private set; } = [];
    public List<SelectListItem> TypesPiece { get; } = Enum.GetValues<TypePiece>().Select(t => new SelectListItem(OrganisationsService.Libelle(t), t.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Input = OrganisationInput.Depuis(Organisation);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        TraiterAsync(id, nameof(Input), "Organisation enregistrée.", () => organisations.ModifierAsync(id, Input.Version, Input.VersService(), User, ct), ct);

    public Task<IActionResult> OnPostInviterAsync(int id, CancellationToken ct) =>
        TraiterAsync(id, nameof(Invitation), $"Invitation envoyée à {Invitation.Email?.Trim()} : son lien est valable 7 jours.",
            () => organisations.InviterAsync(id, Invitation.Email, Invitation.Administrateur, User, Platform.Web.Hosting.LinkBase(configuration, Request), ct), ct);

    public Task<IActionResult> OnPostRepresentantAsync(int id, CancellationToken ct) =>
        TraiterAsync(id, nameof(Representant), "Représentant légal désigné.",
            () => organisations.DesignerRepresentantAsync(id, Representant.MembreId ?? 0, Representant.Qualite, User, ct), ct);

    public Task<IActionResult> OnPostRetirerAsync(int id, int membre, CancellationToken ct) =>
        TraiterAsync(id, "", "Membre retiré de l'organisation.", () => organisations.RetirerAsync(id, membre, User, ct), ct);

    public Task<IActionResult> OnPostRevoquerAsync(int id, int invitation, CancellationToken ct) =>
        TraiterAsync(id, "", "Invitation révoquée : son lien ne fonctionne plus.", () => organisations.RevoquerAsync(id, invitation, User, ct), ct);

    public Task<IActionResult> OnPostPieceAsync(int id, CancellationToken ct) =>
        TraiterAsync(id, nameof(Piece), "Pièce ajoutée.", () => organisations.DeposerAsync(id, Piece.Type, Piece.Fichier, Piece.ValableJusquAu, User, ct), ct);

    private async Task<IActionResult> TraiterAsync(int id, string formulaire, string message, Func<Task<Result>> action, CancellationToken ct)
    {
        if (formulaire.Length > 0)
        {
            ModelState.KeepForm(formulaire);
        }
        else
        {
            ModelState.Clear();
        }
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (formulaire != nameof(Input))
        {
            Input = OrganisationInput.Depuis(Organisation);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await action();
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, formulaire);
            if (formulaire == nameof(Input) && await db.Set<Organisation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) is { } actuelle)
            {
                Input.Version = actuelle.Version;
                ModelState.Remove("Input.Version");
            }
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = message;
        // Removing oneself ends one's access: back to one's list.
        return await organisations.MembreAsync(id, User, ct) is null ? Redirect("/fonds/organisations") : Redirect($"/fonds/organisation/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        // Not a member: the organisation does not exist for this person.
        if (await organisations.MembreAsync(id, User, ct) is not { } moi)
        {
            return NotFound();
        }
        Moi = moi;
        Organisation = await db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == id, ct);
        Membres = await organisations.MembresAsync(id, ct);
        Invitations = moi.Administrateur ? await organisations.InvitationsAsync(id, ct) : [];
        Pieces = await organisations.PiecesAsync(id, ct);
        Dossiers = (await (from d in db.Set<Dossier>().AsNoTracking()
                           join a in db.Set<AppelAProjets>() on d.AppelId equals a.Id
                           where d.OrganisationId == id
                           orderby d.CreeLe descending
                           select new { d.Id, d.Intitule, a.Titre, d.Etat, d.CorrectionDemandee }).ToListAsync(ct))
            .Select(d => (d.Id, d.Intitule ?? $"Dossier n° {d.Id}", d.Titre, d.Etat, d.CorrectionDemandee != null)).ToList();
        Communes = await OrganisationsModel.CommunesAsync(db, ct);
        return null;
    }
}
