using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations.Pages;

[Authorize(Policy = DeliberationsModule.TenirLeSecretariat)]
public class GestionModel(PorteeSecretariat portee, EgalisDbContext db, SecretariatService secretariat) : PageModel
{
    public sealed record LigneSeance(int Id, DateOnly Date, string Assemblee, string? Lieu, int Points);

    /// <summary>A new session: the fields every session has, its assembly, and the session it follows after a failed quorum.</summary>
    public sealed class NouvelleSeanceInput : SeanceInput
    {
        [Display(Name = "Assemblée")]
        [Required(ErrorMessage = "Choisissez l'assemblée.")]
        public int? AssembleeId { get; set; }

        [Display(Name = "Nouvelle convocation après un quorum non atteint à la séance du")]
        public int? SeanceInitialeId { get; set; }
    }

    public sealed class CommissionInput
    {
        [Display(Name = "Code de la commission")][Required(ErrorMessage = "Indiquez le code de la commission.")] public string Code { get; set; } = "";
        [Display(Name = "Nom de la commission")][Required(ErrorMessage = "Indiquez le nom de la commission.")] public string Nom { get; set; } = "";
    }

    [BindProperty(Name = nameof(Input))] public NouvelleSeanceInput Input { get; set; } = new();
    [BindProperty(Name = nameof(Commission))] public CommissionInput Commission { get; set; } = new();
    public bool EquipeDuPlan => portee.Partout(User);

    public async Task<IActionResult> OnPostCommissionAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Commission));
        await LoadAsync(ct);
        if (!EquipeDuPlan)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await secretariat.CreerCommissionAsync(Commission.Code, Commission.Nom, ct);
        if (!resultat.Ok)
        {
            foreach (var (champ, message) in resultat.Errors)
            {
                ModelState.AddModelError($"Commission.{champ}", message);
            }
            return Page();
        }
        TempData["Message"] = $"Commission « {Commission.Nom.Trim()} » créée : ajoutez ses membres.";
        return Redirect($"/deliberations/assemblee/{resultat.Id}");
    }
    public List<Assemblee> Assemblees { get; private set; } = [];
    public List<LigneSeance> Seances { get; private set; } = [];
    public List<SelectListItem> ChoixAssemblees { get; private set; } = [];
    public List<SelectListItem> ChoixSeancesInitiales { get; private set; } = [];
    public List<SelectListItem> Politiques { get; } = PolitiqueQuorum.Toutes.Select(p => new SelectListItem(p.Libelle, p.Code)).ToList();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Input));
        await LoadAsync(ct);
        if (Input.AssembleeId is not null && Assemblees.All(a => a.Id != Input.AssembleeId))
        {
            ModelState.AddModelError("Input.AssembleeId", "Choisissez une assemblée dont vous tenez le secrétariat.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await secretariat.CreerSeanceAsync(new SecretariatService.NouvelleSeance(Input.AssembleeId!.Value, Input.Date!.Value, Input.Lieu,
            Input.DateConvocation, Input.PolitiqueCode, null, null, Input.SeanceInitialeId), ct);
        if (!resultat.Ok)
        {
            foreach (var (champ, message) in resultat.Errors)
            {
                ModelState.AddModelError(champ.Length == 0 ? "" : $"Input.{champ}", message);
            }
            return Page();
        }
        TempData["Message"] = "Séance créée : ajoutez son ordre du jour.";
        return Redirect($"/deliberations/seance/{resultat.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Assemblees = await portee.Gerables(db.Set<Assemblee>().AsNoTracking(), User).OrderBy(a => a.Type).ThenBy(a => a.Code).ToListAsync(ct);
        var ids = Assemblees.Select(a => a.Id).ToList();
        Seances = await db.Set<Seance>().AsNoTracking().Where(s => ids.Contains(s.AssembleeId)).OrderByDescending(s => s.Date).Take(50)
            .Select(s => new LigneSeance(s.Id, s.Date, s.Assemblee!.Nom, s.Lieu, db.Set<PointOrdreDuJour>().Count(p => p.SeanceId == s.Id))).ToListAsync(ct);
        ChoixAssemblees = Assemblees.Select(a => new SelectListItem(a.Nom, a.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        ChoixSeancesInitiales = Seances.Select(s => new SelectListItem($"{s.Assemblee} – {s.Date:dd/MM/yyyy}", s.Id.ToString(CultureInfo.InvariantCulture))).ToList();
    }
}
