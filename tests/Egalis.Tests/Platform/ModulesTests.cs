using System.Security.Claims;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Modules;
using Egalis.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>The module contract's rules: seeding order by name, record checks by scope and by owner, paging.</summary>
public class ModulesTests
{
    private sealed class Etape : ISeeder
    {
        public Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
    }

    private static SeederRegistration S(string nom, params string[] apres) => new(nom, typeof(Etape), apres);

    [Fact]
    public void Seeders_run_after_the_steps_they_name_else_in_registration_order()
    {
        var ordre = DatabaseInitializer.Order([S("budget", "plan"), S("roles"), S("deliberations", "plan", "budget"), S("plan", "territoires"), S("territoires")]);
        Assert.Equal(["roles", "territoires", "plan", "budget", "deliberations"], ordre.Select(s => s.Name));
    }

    [Fact]
    public void An_unknown_step_a_cycle_or_a_duplicate_name_stops_the_start_with_its_names()
    {
        Assert.Equal("L'étape d'initialisation « budget » dépend d'étapes inconnues : plan.",
            Assert.Throws<InvalidOperationException>(() => DatabaseInitializer.Order([S("budget", "plan")])).Message);
        Assert.Equal("Les étapes d'initialisation dépendent les unes des autres en cercle : a, b.",
            Assert.Throws<InvalidOperationException>(() => DatabaseInitializer.Order([S("a", "b"), S("b", "a"), S("c")])).Message);
        Assert.Equal("Deux étapes d'initialisation portent le même nom : a",
            Assert.Throws<InvalidOperationException>(() => DatabaseInitializer.Order([S("a"), S("a")])).Message);
    }

    [Theory]
    [InlineData(92, null, 1, 4)]
    [InlineData(92, 4, 4, 4)]
    [InlineData(92, 9, 4, 4)]
    [InlineData(92, -2, 1, 4)]
    [InlineData(0, 3, 1, 1)]
    [InlineData(25, 2, 1, 1)]
    [InlineData(26, 2, 2, 2)]
    public void A_page_number_is_clamped_to_the_pages_there_are(int total, int? demandee, int numero, int pages)
    {
        var pagination = Pager.Paginate(total, demandee, 25);
        Assert.Equal((numero, pages, total), (pagination.Number, pagination.Pages, pagination.Total));
    }

    [Fact]
    public void A_page_takes_its_rows_from_the_ordered_list()
    {
        var lignes = Enumerable.Range(1, 60).AsQueryable();
        Assert.Equal([51, 52, 53, 54, 55, 56, 57, 58, 59, 60], Pager.Paginate(60, 3, 25).Apply(lignes).ToList());
        Assert.Equal(Enumerable.Range(26, 25), Pager.Paginate(60, 2, 25).Apply(lignes));
    }

    private sealed record Dossier(string ProprietaireId) : IOwnedRecord;

    private sealed record Lieu(string? ConseilTerritoireCode, string? CommuneCodeInsee) : ITerritorialRecord;

    /// <summary>A dossier of an applicant, about a project in a territory: both checks apply, neither widens the other.</summary>
    private sealed record DossierLocal(string ProprietaireId, string? ConseilTerritoireCode, string? CommuneCodeInsee) : IOwnedRecord, ITerritorialRecord;

    private const string Deposer = "Déposer un dossier";
    private const string Instruire = "Instruire un dossier";
    private const string Animer = "Animer un réseau local";

    private static IAuthorizationService Autorisations()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAuthorization();
        services.AddSingleton(new CapabilityDefinition(Deposer, [Roles.Porteur], OnOwnRecords: true));
        services.AddSingleton(new CapabilityDefinition(Instruire, [Roles.Instructeur, Roles.Admin], OnOwnRecords: false));
        services.AddSingleton(new CapabilityDefinition(Animer, [Roles.Admin, Roles.ReferentTerritoire, Roles.ReferentCommune], OnOwnRecords: false));
        services.AddSingleton<CapabilityCatalog>();
        services.AddSingleton<IAuthorizationHandler, TerritorialScopeHandler>();
        services.AddSingleton<IAuthorizationHandler, OwnerHandler>();
        return services.BuildServiceProvider().GetRequiredService<IAuthorizationService>();
    }

    private static ClaimsPrincipal Personne(string id, string role, string? territoire = null, string? commune = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Role, role) };
        if (territoire is not null) claims.Add(new Claim(UtilisateurClaimsFactory.Territoire, territoire));
        if (commune is not null) claims.Add(new Claim(UtilisateurClaimsFactory.Commune, commune));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static async Task<bool> PeutAsync(ClaimsPrincipal qui, object quoi, string capacite) =>
        (await Autorisations().AuthorizeAsync(qui, quoi, new OnRecordRequirement(capacite))).Succeeded;

    [Fact]
    public async Task An_applicant_acts_on_their_own_dossier_only_and_an_instructor_on_every_one()
    {
        var dossier = new Dossier("porteur-1");
        Assert.True(await PeutAsync(Personne("porteur-1", Roles.Porteur), dossier, Deposer));
        Assert.False(await PeutAsync(Personne("porteur-2", Roles.Porteur), dossier, Deposer));
        Assert.False(await PeutAsync(Personne("porteur-1", Roles.Jeune), dossier, Deposer));
        Assert.True(await PeutAsync(Personne("instructeur", Roles.Instructeur), dossier, Instruire));
        Assert.False(await PeutAsync(Personne("porteur-1", Roles.Porteur), dossier, Instruire));
    }

    [Fact]
    public async Task On_a_record_both_personal_and_territorial_ownership_and_scope_each_keep_their_limit()
    {
        var dossier = new DossierLocal("porteur-1", "CT2", null);
        Assert.True(await PeutAsync(Personne("porteur-1", Roles.Porteur), dossier, Deposer));
        Assert.False(await PeutAsync(Personne("porteur-2", Roles.Porteur), dossier, Deposer));
        Assert.True(await PeutAsync(Personne("r", Roles.ReferentTerritoire, territoire: "CT2"), dossier, Animer));
        Assert.False(await PeutAsync(Personne("r", Roles.ReferentTerritoire, territoire: "CT1"), dossier, Animer));
        Assert.True(await PeutAsync(Personne("i", Roles.Instructeur), dossier, Instruire));
        // A referent with a scope cannot be checked against a record with no territory: refused.
        Assert.False(await PeutAsync(Personne("r", Roles.ReferentTerritoire, territoire: "CT2"), new Dossier("porteur-1"), Animer));
    }

    [Fact]
    public async Task A_referent_acts_within_their_territory_or_commune_and_a_role_without_scope_everywhere()
    {
        var aix = new Lieu("CT2", null);
        var istres = new Lieu("CT6", "13047");
        Assert.True(await PeutAsync(Personne("r", Roles.ReferentTerritoire, territoire: "CT2"), aix, Animer));
        Assert.False(await PeutAsync(Personne("r", Roles.ReferentTerritoire, territoire: "CT1"), aix, Animer));
        Assert.False(await PeutAsync(Personne("r", Roles.ReferentTerritoire), aix, Animer));
        Assert.True(await PeutAsync(Personne("c", Roles.ReferentCommune, commune: "13047"), istres, Animer));
        Assert.False(await PeutAsync(Personne("c", Roles.ReferentCommune, commune: "13001"), istres, Animer));
        Assert.False(await PeutAsync(Personne("c", Roles.ReferentCommune, commune: "13047"), aix, Animer));
        Assert.True(await PeutAsync(Personne("a", Roles.Admin), istres, Animer));
        Assert.False(await PeutAsync(Personne("p", Roles.Porteur), istres, Animer));
    }
}

/// <summary>The platform stands under the modules and knows none of them; Program.cs only lists them.</summary>
public partial class ArchitectureTests
{
    private static string Racine()
    {
        for (var dossier = new DirectoryInfo(AppContext.BaseDirectory); dossier is not null; dossier = dossier.Parent)
        {
            if (File.Exists(Path.Combine(dossier.FullName, "Egalis.slnx")))
            {
                return dossier.FullName;
            }
        }
        throw new InvalidOperationException("Egalis.slnx introuvable au-dessus de " + AppContext.BaseDirectory);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w.])(Egalis\.Web\.)?Features\.[A-Z]")]
    private static partial System.Text.RegularExpressions.Regex ReferenceAUnModule();

    [Fact]
    public void The_platform_references_no_module()
    {
        var platform = Path.Combine(Racine(), "src", "Egalis.Web", "Platform");
        var fautes = Directory.EnumerateFiles(platform, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Select((ligne, i) => (Fichier: Path.GetRelativePath(platform, f), Numero: i + 1, Ligne: ligne)))
            .Where(l => ReferenceAUnModule().IsMatch(l.Ligne))
            .Select(l => $"{l.Fichier}:{l.Numero} {l.Ligne.Trim()}")
            .ToList();
        Assert.True(fautes.Count == 0, "La plateforme ne doit connaître aucun module :\n" + string.Join("\n", fautes));
        Assert.True(Directory.EnumerateFiles(platform, "*.cs", SearchOption.AllDirectories).Count() > 40);
    }

    [Fact]
    public void Program_lists_the_modules_and_holds_nothing_else()
    {
        var program = File.ReadAllLines(Path.Combine(Racine(), "src", "Egalis.Web", "Program.cs"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("///", StringComparison.Ordinal))
            .ToList();
        Assert.Equal("return await EgalisApplication.RunAsync(args,", program[0]);
        Assert.All(program.Skip(1).TakeWhile(l => l.StartsWith("new ", StringComparison.Ordinal)), l => Assert.Matches(@"^new \w+Module\(\)[,)];?$", l));
        Assert.Equal(["public partial class Program;"], program.SkipWhile(l => !l.StartsWith("public partial", StringComparison.Ordinal)));
    }
}
