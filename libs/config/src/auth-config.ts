import { IsIn, IsNotEmpty, IsOptional, IsString, MinLength, ValidateIf, type ValidationArguments } from 'class-validator';
import { ValidateBy } from 'class-validator';

export const AUTH_MODES = ['local', 'jwks'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/**
 * The development key: published in this repository, so it proves nothing about anyone. Only
 * `AUTH_MODE=local` accepts it, and local mode is refused when NODE_ENV=production.
 */
export const DEV_LOCAL_SECRET = 'mash-local-development-only-signing-key-not-a-secret';
export const LOCAL_ISSUER = 'mash-local-dev';
export const DEFAULT_AUDIENCE = 'mash-api';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or plain http to this machine only (a test's own key server). */
function isKeySetUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

const isJwks = (config: AuthConfig) => config.AUTH_MODE === 'jwks';

/**
 * How the API verifies bearer tokens. `local`: tokens signed with a shared key (HS256) that
 * `npm run token` mints, for development and the demo. `jwks`: tokens from the configured
 * issuer, checked against its published keys, for production.
 */
export class AuthConfig {
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  @IsIn([...AUTH_MODES])
  @ValidateBy({
    name: 'notLocalInProduction',
    validator: {
      validate: (mode: unknown, args?: ValidationArguments) => !(mode === 'local' && (args?.object as AuthConfig).NODE_ENV === 'production'),
      defaultMessage: () => 'AUTH_MODE=local is refused when NODE_ENV=production: set AUTH_MODE=jwks with AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE',
    },
  })
  AUTH_MODE: AuthMode = 'local';

  /** Signing key of local mode; at least 32 characters. */
  @ValidateIf((config: AuthConfig) => config.AUTH_MODE === 'local')
  @IsString()
  @MinLength(32, { message: 'AUTH_LOCAL_SECRET must be at least 32 characters' })
  AUTH_LOCAL_SECRET: string = DEV_LOCAL_SECRET;

  /** Where the issuer publishes its keys; required in jwks mode. */
  @ValidateIf(isJwks)
  @ValidateBy({
    name: 'isKeySetUrl',
    validator: { validate: isKeySetUrl, defaultMessage: () => 'AUTH_JWKS_URL must be an https:// URL (http:// only to this machine)' },
  })
  AUTH_JWKS_URL?: string;

  /** The `iss` every token must carry; required in jwks mode, `mash-local-dev` in local mode. */
  @ValidateIf(isJwks)
  @IsString()
  @IsNotEmpty({ message: 'AUTH_ISSUER is required when AUTH_MODE=jwks' })
  AUTH_ISSUER?: string;

  /** The `aud` every token must carry. */
  @IsString()
  @IsNotEmpty()
  AUTH_AUDIENCE: string = DEFAULT_AUDIENCE;
}

/** The issuer tokens must name: the configured one, or the local one in local mode. */
export function expectedIssuer(config: AuthConfig): string {
  return config.AUTH_ISSUER ?? LOCAL_ISSUER;
}
