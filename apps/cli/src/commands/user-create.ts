import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword, Password, passwordProblem, Role } from '@crieur/auth';
import { appendAudit, createUser, DuplicateEmailError, type Db } from '@crieur/db';
import { CliError, type CommandIo } from '../command';

const Args = z.object({
  email: z.email('--email: expected an email address'),
  role: z.enum(Role.options, { error: '--role: expected admin, editor, author or sender' }),
  name: z.string().default(''),
});

export async function userCreate(db: Db, argv: string[], io: CommandIo): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success)
    throw new CliError(
      parsed.error.issues
        .map((i) => (i.message.startsWith('--') ? i.message : `--${String(i.path[0])}: ${i.message}`))
        .join('\n'),
    );
  const password = await io.readSecret('Password (12 characters or more): ');
  const checked = Password.safeParse(password);
  if (!checked.success) throw new CliError('The password must have at least 12 characters (it is read from stdin).');
  // the same strength rule as the studio's invitation page, with the person's name and email as weak words
  const weak = passwordProblem(checked.data, [parsed.data.email, parsed.data.name]);
  if (weak) throw new CliError(weak);
  try {
    const user = await createUser(db, {
      email: parsed.data.email,
      name: parsed.data.name,
      role: parsed.data.role,
      status: 'active',
      passwordHash: await hashPassword(checked.data),
    });
    await appendAudit(db, {
      action: 'user_created',
      targetType: 'user',
      targetId: user.id,
      data: { role: user.role, via: 'cli' },
    });
    io.out(`Created ${user.role} ${user.email}. They can log in at /studio/login.`);
  } catch (error) {
    if (error instanceof DuplicateEmailError)
      throw new CliError(`A user with the email ${parsed.data.email} already exists.`);
    throw error;
  }
}
