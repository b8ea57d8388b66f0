import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Permission } from '@redress/kernel';

export const PUBLIC_ROUTE = 'redress:public';
export const PERMISSION_KEY = 'redress:permission';

/** Routes outside /v1 (health, metrics, docs) that need no token. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller needs one of the roles the permission table (PERMISSIONS, libs/kernel) gives this action. */
export const Allow = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** The authenticated caller, as verified by JwtAuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
