/**
 * `vessel answers`, `vessel form`, `vessel ips` and `vessel share …`: help with the doctor from
 * the command line. Registering is cheap; each action loads its modules when it runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Vessel } from '../app/vessel.js';

type WithVessel = <T>(fn: (v: Vessel) => Promise<T>) => Promise<T>;

/** A person by id, or by a name that matches exactly one person. */
export async function resolvePerson(v: Vessel, who: string): Promise<string | undefined> {
  if (await v.store.people.get(who)) return who;
  const q = who.toLowerCase();
  const hits = (await v.store.people.list()).filter((p) => p.displayName.toLowerCase().includes(q));
  return hits.length === 1 ? hits[0].id : undefined;
}

async function personOrFail(v: Vessel, who: string): Promise<string | undefined> {
  const id = await resolvePerson(v, who);
  if (!id) {
    console.error(`no single person matches "${who}" (see: vessel people)`);
    process.exitCode = 2;
  }
  return id;
}

export function registerDoctorCommands(program: Command, withVessel: WithVessel): void {
  program
    .command('answers')
    .description('Quick answers to the questions doctors ask, each with its date and source.')
    .argument('<person>', 'person id or name')
    .option('--json', 'machine-readable')
    .action(async (who: string, opts: { json?: boolean }) => {
      await withVessel(async (v) => {
        const id = await personOrFail(v, who);
        if (!id) return;
        const { loadSnapshot, describeSource } = await import('./snapshot.js');
        const { buildAnswers } = await import('./answers.js');
        const { listStatements } = await import('./statements.js');
        const answers = buildAnswers((await loadSnapshot(v.store, id, { statements: await listStatements(v.store, id) }))!);
        if (opts.json) return console.log(JSON.stringify(answers, null, 2));
        for (const a of answers) {
          console.log(`${a.question}\n  ${a.value}${a.date ? ` (${a.date})` : ''}${a.source ? `  [${describeSource(a.source)}]` : ''}`);
          if (a.trend && a.trend.length > 1) console.log(`  trend: ${a.trend.map((t) => `${t.date} ${t.value}`).join(' → ')}`);
        }
      });
    });

  program
    .command('form')
    .description('The pre-filled health history form, as PDF (default) or printable HTML, or as FHIR.')
    .argument('<person>', 'person id or name')
    .requiredOption('--out <file>', 'output file')
    .option('--html', 'write the printable HTML page instead of a PDF')
    .option('--fhir', 'write a FHIR Bundle of the Questionnaire and its QuestionnaireResponse')
    .action(async (who: string, opts: { out: string; html?: boolean; fhir?: boolean }) => {
      await withVessel(async (v) => {
        const id = await personOrFail(v, who);
        if (!id) return;
        const { loadSnapshot } = await import('./snapshot.js');
        const { listStatements } = await import('./statements.js');
        const form = await import('./form.js');
        const f = form.buildForm((await loadSnapshot(v.store, id, { statements: await listStatements(v.store, id) }))!);
        const out = path.resolve(opts.out);
        if (opts.fhir) fs.writeFileSync(out, JSON.stringify(form.formQuestionnaireBundle(f), null, 2));
        else if (opts.html) {
          fs.writeFileSync(out, form.formHtml(f, { cssHref: 'form.css' }));
          fs.writeFileSync(path.join(path.dirname(out), 'form.css'), form.FORM_CSS);
        } else fs.writeFileSync(out, await (await import('./form-pdf.js')).formPdf(f));
        await v.store.audit.record({ actor: 'cli', action: 'form.export', personId: id, detail: { file: path.basename(out) } });
        console.log(`wrote ${out}`);
      });
    });

  program
    .command('ips')
    .description('The International Patient Summary (FHIR document Bundle) of a person.')
    .argument('<person>', 'person id or name')
    .requiredOption('--out <file>', 'output file (JSON)')
    .action(async (who: string, opts: { out: string }) => {
      await withVessel(async (v) => {
        const id = await personOrFail(v, who);
        if (!id) return;
        const { loadSnapshot } = await import('./snapshot.js');
        const { buildIps } = await import('../share/ips.js');
        const bundle = buildIps((await loadSnapshot(v.store, id))!);
        fs.writeFileSync(path.resolve(opts.out), JSON.stringify(bundle, null, 2));
        await v.store.audit.record({ actor: 'cli', action: 'ips.export', personId: id });
        console.log(`wrote ${path.resolve(opts.out)} (${bundle.entry?.length ?? 0} entries)`);
      });
    });

  const share = program.command('share').description('SMART Health Links: share a summary or documents with a provider.');
  share
    .command('create')
    .argument('<person>', 'person id or name')
    .requiredOption('--what <list>', 'comma-separated: ips, documents:<id>[,documents:<id>…]')
    .option('--expires <duration>', 'how long the link works: 30m, 12h, 7d', '7d')
    .option('--passcode <code>', 'a passcode the recipient must give')
    .option('--label <text>', 'a label the recipient sees')
    .option('--origin <url>', 'the address recipients open Vessel at', process.env.VESSEL_ORIGIN ?? `http://${process.env.VESSEL_HOST ?? '127.0.0.1'}:${process.env.VESSEL_PORT ?? process.env.PORT ?? 4780}`)
    .action(async (who: string, opts: { what: string; expires: string; passcode?: string; label?: string; origin: string }) => {
      await withVessel(async (v) => {
        const id = await personOrFail(v, who);
        if (!id) return;
        const shl = await import('../share/shl.js');
        const created = await shl.createShare(v, { personId: id, what: shl.parseWhat(opts.what), expiresIn: opts.expires, passcode: opts.passcode, label: opts.label, origin: opts.origin, actor: 'cli' });
        console.log(created.link);
      });
    });
  share
    .command('list')
    .option('--person <id>', 'only this person')
    .option('--json', 'machine-readable')
    .action(async (opts: { person?: string; json?: boolean }) => {
      await withVessel(async (v) => {
        const shl = await import('../share/shl.js');
        const list = await shl.listShares(v, opts.person);
        if (opts.json) return console.log(JSON.stringify(list, null, 2));
        if (!list.length) return console.log('no active shares');
        for (const s of list) console.log(`${s.id}  ${s.label}  ${s.what.join(',')}  expires ${s.expiresAt ?? 'never'}  ${s.accessCount} accesses${s.passcode ? '  passcode' : ''}`);
      });
    });
  share
    .command('revoke')
    .argument('<id>', 'share id')
    .action(async (id: string) => {
      await withVessel(async (v) => {
        const shl = await import('../share/shl.js');
        if (!(await shl.revokeShare(v, id, 'cli'))) {
          console.error(`no active share ${id}`);
          process.exitCode = 2;
          return;
        }
        console.log(`revoked ${id}`);
      });
    });
}
