import { Image } from '@mantine/core';
import { useOrganisationLogo } from '../hooks/use-organisation-name';

/** The association's logo beside its name (header, login): decorative, since the name follows in words. */
export function OrganisationMark({ height }: { height: number }) {
  const logo = useOrganisationLogo();
  if (!logo) return null;
  return (
    <Image
      src={logo.url}
      alt=""
      h={height}
      w="auto"
      maw={height * 4}
      fit="contain"
      style={{ flex: 'none' }}
      data-testid="organisation-logo"
    />
  );
}
